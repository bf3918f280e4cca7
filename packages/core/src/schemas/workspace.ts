import { z } from 'zod'
import { supportedLocales } from '../contracts/localized-text.js'
import { slugSchema } from './common.js'

/** A workspace is one company (or one agency client): every row in cxkit belongs to exactly one. */
export const workspaceSchema = z.object({
  id: slugSchema,
  name: z.string().min(1).max(200),
  locale: z.enum(supportedLocales).default('en'),
})
export type Workspace = z.infer<typeof workspaceSchema>
