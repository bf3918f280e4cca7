import { z } from 'zod'
import { webhookOptionsSchema } from './webhooks/webhook-options.js'

// The environment variable lets an operator allow private targets without editing the config file; an
// explicit option still wins.
const allowPrivateFromEnvironment = () => process.env.CXKIT_WEBHOOKS_ALLOW_PRIVATE === '1'

/**
 * The options of `surveysPlugin(options)`.
 *
 * @example
 * surveysPlugin({ webhooks: { timeoutMs: 5000 } })
 */
export const surveysOptionsSchema = z
  .object({
    webhooks: webhookOptionsSchema
      .extend({ allowPrivateTargets: z.boolean().default(allowPrivateFromEnvironment) })
      .prefault({}),
  })
  .strict()

export type SurveysOptions = z.output<typeof surveysOptionsSchema>
export type SurveysOptionsInput = z.input<typeof surveysOptionsSchema>
