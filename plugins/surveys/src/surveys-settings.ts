import { z } from 'zod'
import { webhookSettingsSchema } from './webhooks/webhook-settings.js'

/**
 * The options of `surveysPlugin(options)`.
 *
 * @example
 * surveysPlugin({ webhooks: { timeoutMs: 5000 } })
 */
export const surveysSettingsSchema = z.object({ webhooks: webhookSettingsSchema.prefault({}) }).strict()

export type SurveysSettings = z.output<typeof surveysSettingsSchema>
export type SurveysOptions = z.input<typeof surveysSettingsSchema>
