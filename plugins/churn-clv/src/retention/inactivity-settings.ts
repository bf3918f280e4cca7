import { z } from 'zod'
import { defaultInactivityDays } from './customer-activity.js'

/** What a workspace may change for churn and retention: how long without a purchase means lost. */
export const inactivitySettingsSchema = z.object({ inactivityDays: z.number().int().min(1).max(3650) }).partial()
export const inactivitySettingsDefaults = { inactivityDays: defaultInactivityDays }
