import { z } from 'zod'

/** CES options: answers from `easyFrom` up (default 5 on the 1–7 scale) count as easy. */
export const cesSettingsSchema = z.object({ easyFrom: z.number().int().min(2).max(7).default(5) }).strict()
export type CesSettings = z.output<typeof cesSettingsSchema>
