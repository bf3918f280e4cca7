import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { supportedLocales } from '../contracts/localized-text.js'
import { slugSchema } from './common.js'
import { textSchema } from './text.js'

/** A workspace is one company (or one agency client): every row in cxkit belongs to exactly one. */
export const workspaceSchema = z.object({
  id: slugSchema,
  name: textSchema(columnLimits.name, 1),
  locale: z.enum(supportedLocales).default('en'),
})
export type Workspace = z.infer<typeof workspaceSchema>
