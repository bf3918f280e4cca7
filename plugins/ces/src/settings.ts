import { z } from 'zod'

const easyFrom = z.number().int().min(2).max(7)

/** CES options: answers from `easyFrom` up (default 5 on the 1–7 scale) count as easy. */
export const cesSettingsSchema = z.object({ easyFrom: easyFrom.default(5) }).strict()
export type CesSettings = z.output<typeof cesSettingsSchema>

/** What a workspace may change per CES metric. */
export const cesWorkspaceSettingsSchema = z.object({ easyFrom }).partial().strict()
