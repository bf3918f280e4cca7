import type { PluginContext } from '@cxkit/core'
import type { MapExport, MapSummary } from '../schema.js'
import { checkContent } from './check-content.js'
import { journeyDb } from './journey-db.js'
import { findMap } from './map-reads.js'
import { appendVersion, insertMap, rethrowTakenId } from './map-writes.js'
import { readWorkspaceStructure } from './workspace-structure.js'

/** Who imported a version, until the app knows its users. */
const importAuthor = 'import'

/**
 * Imports an exported map into a workspace, in one transaction. A new id makes a new map; the id of an
 * existing map adds the file's content as its next version (earlier versions stay: nothing is lost) and
 * takes the file's name, persona and segment. Stages must be the workspace's (a 400 naming
 * `body.content.stages[i].stageId`).
 *
 * @example
 * const { map, created } = await importMap(ctx, 'acme', parseInput(mapExportSchema, json, 'body'))
 */
export async function importMap(
  ctx: PluginContext,
  workspace: string,
  document: MapExport,
): Promise<{ map: MapSummary; created: boolean }> {
  const db = journeyDb(ctx)
  const content = checkContent(document.content, await readWorkspaceStructure(db, workspace), 'body.content')
  const { version: _exported, ...details } = document.map
  const created = await ctx.sql
    .transaction(db, async (trx) => {
      if (await appendVersion(trx, workspace, details, content, importAuthor)) return false
      await insertMap(trx, workspace, details, content, importAuthor)
      return true
    })
    .catch(rethrowTakenId(details.id))
  return { map: await findMap(db, workspace, details.id), created }
}
