import type { PluginContext } from '@cxkit/core'

/** SQLite caps the bound parameters of one statement: look-ups go in chunks. */
const lookupChunk = 500

/**
 * Of `ids`, the touchpoints the workspace has. An event's touchpoint must be one: the foreign key
 * would refuse the others too, but only after half a batch was written and without naming the event.
 *
 * @example
 * const known = await findTouchpoints(ctx, 'acme', ['website', 'webshop']) // Set { 'website' }
 */
export async function findTouchpoints(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  ids: Iterable<string>,
): Promise<Set<string>> {
  const wanted = [...new Set(ids)]
  const known = new Set<string>()
  for (let start = 0; start < wanted.length; start += lookupChunk) {
    const rows = await ctx.db
      .selectFrom('touchpoints')
      .select('id')
      .where('workspace_id', '=', workspace)
      .where('id', 'in', wanted.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) known.add(row.id)
  }
  return known
}
