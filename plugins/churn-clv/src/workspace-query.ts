import { columnLimits, textSchema } from '@cxkit/core'
import { z } from 'zod'

/**
 * A workspace id in a query: safe text (no NUL, which PostgreSQL refuses with an error rather than a miss)
 * no longer than the column, so a bad id is a 400 naming the field on both dialects.
 */
export const workspaceIdSchema = textSchema(columnLimits.id, 1)
export const workspaceQuery = z.object({ workspace: workspaceIdSchema })
