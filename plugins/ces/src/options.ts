import { z } from 'zod'

const easyFrom = z.number().int().min(2).max(7)

/** CES options: answers from `easyFrom` up (default 5 on the 1–7 scale) count as easy. */
export const cesOptionsSchema = z.object({ easyFrom: easyFrom.default(5) }).strict()
export type CesOptions = z.output<typeof cesOptionsSchema>

/** The workspace settings of the CES metrics that read them. */
export const cesWorkspaceSettingsSchema = z.object({ easyFrom }).partial().strict()
