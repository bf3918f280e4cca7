// Writing maps and versions: each change in one transaction, all or nothing on both dialects.
import type { PluginContext } from '@cxkit/core'
import { type MapContent, type MapDetails, type MapSummary, mapLimits } from '../schema.js'
import { type JourneyDb, journeyDb } from './journey-db.js'
import { mapExists, mapNotFound, StaleMapVersionError, tooManyMaps } from './map-errors.js'
import { findMap } from './map-reads.js'

async function insertVersion(
  db: JourneyDb,
  workspace: string,
  id: string,
  version: number,
  content: MapContent,
  author: string | null,
  at: string,
) {
  await db
    .insertInto('journey_map_versions')
    .values({ workspace_id: workspace, map_id: id, version, content: JSON.stringify(content), author, created_at: at })
    .execute()
}

/**
 * Inserts a map with its first version, inside the caller's transaction. A 409 when the id is taken, or
 * when the workspace already holds {@link mapLimits.mapsPerWorkspace} maps.
 */
export async function insertMap(
  trx: JourneyDb,
  workspace: string,
  details: MapDetails,
  content: MapContent,
  author: string | null,
): Promise<void> {
  const at = new Date().toISOString()
  const taken = await trx
    .selectFrom('journey_maps')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('id', '=', details.id)
    .executeTakeFirst()
  if (taken) throw mapExists(details.id)
  const { count } = await trx
    .selectFrom('journey_maps')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('workspace_id', '=', workspace)
    .executeTakeFirstOrThrow()
  if (Number(count) >= mapLimits.mapsPerWorkspace) throw tooManyMaps(mapLimits.mapsPerWorkspace)
  await trx
    .insertInto('journey_maps')
    .values({
      workspace_id: workspace,
      id: details.id,
      name: details.name,
      persona: details.persona ?? null,
      segment: details.segment ?? null,
      current_version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await insertVersion(trx, workspace, details.id, 1, content, author, at)
}

/** Creates a map with its first version, in one transaction (see {@link insertMap}). */
export async function createMap(
  ctx: PluginContext,
  workspace: string,
  details: MapDetails,
  content: MapContent,
  author: string | null,
): Promise<MapSummary> {
  await ctx.sql
    .transaction(journeyDb(ctx), (trx) => insertMap(trx, workspace, details, content, author))
    .catch(rethrowTakenId(details.id))
  return findMap(journeyDb(ctx), workspace, details.id)
}

/** Two creates of one id at once both pass the check on PostgreSQL; the primary key stops the second. */
export const rethrowTakenId = (id: string) => (error: unknown) => {
  throw isKeyViolation(error) ? mapExists(id) : error
}

/**
 * Adds content as the next version of an existing map whatever its current version, and sets its
 * details, inside the caller's transaction (an import: the file is the new truth). The update locks the
 * map's row first, so concurrent saves queue behind it. False when there is no such map.
 */
export async function appendVersion(
  trx: JourneyDb,
  workspace: string,
  details: MapDetails,
  content: MapContent,
  author: string | null,
): Promise<boolean> {
  const at = new Date().toISOString()
  const moved = await trx
    .updateTable('journey_maps')
    .set((eb) => ({
      current_version: eb('current_version', '+', 1),
      name: details.name,
      persona: details.persona ?? null,
      segment: details.segment ?? null,
      updated_at: at,
    }))
    .where('workspace_id', '=', workspace)
    .where('id', '=', details.id)
    .executeTakeFirst()
  if (Number(moved.numUpdatedRows) === 0) return false
  const { version } = await findMap(trx, workspace, details.id)
  await insertVersion(trx, workspace, details.id, version, content, author, at)
  return true
}

/**
 * Saves content as the map's next version, provided the map is still at `baseVersion`: a save based on
 * an older version fails with {@link StaleMapVersionError} and stores nothing. The check is the update's
 * own condition, so of two saves from one base exactly one wins on either dialect.
 */
export async function saveVersion(
  ctx: PluginContext,
  workspace: string,
  id: string,
  { baseVersion, content, author }: { baseVersion: number; content: MapContent; author: string | null },
): Promise<MapSummary> {
  const at = new Date().toISOString()
  await ctx.sql.transaction(journeyDb(ctx), async (trx) => {
    const moved = await trx
      .updateTable('journey_maps')
      .set({ current_version: baseVersion + 1, updated_at: at })
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .where('current_version', '=', baseVersion)
      .executeTakeFirst()
    if (Number(moved.numUpdatedRows) === 0) {
      const current = await findMap(trx, workspace, id)
      throw new StaleMapVersionError(id, baseVersion, current.version)
    }
    await insertVersion(trx, workspace, id, baseVersion + 1, content, author, at)
  })
  return findMap(journeyDb(ctx), workspace, id)
}

/** Renames a map or changes its persona or segment; versions are about content and stay as they are. */
export async function updateMapDetails(
  ctx: PluginContext,
  workspace: string,
  id: string,
  changes: Partial<Pick<MapDetails, 'name' | 'persona' | 'segment'>>,
): Promise<MapSummary> {
  const db = journeyDb(ctx)
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.persona !== undefined ? { persona: changes.persona } : {}),
    ...(changes.segment !== undefined ? { segment: changes.segment } : {}),
  }
  const result = await db
    .updateTable('journey_maps')
    .set({ ...set, updated_at: new Date().toISOString() })
    .where('workspace_id', '=', workspace)
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw mapNotFound(id)
  return findMap(db, workspace, id)
}

/** Deletes a map with every version of it. */
export async function deleteMap(ctx: PluginContext, workspace: string, id: string): Promise<void> {
  await ctx.sql.transaction(journeyDb(ctx), async (trx) => {
    await trx
      .deleteFrom('journey_map_versions')
      .where('workspace_id', '=', workspace)
      .where('map_id', '=', id)
      .execute()
    const result = await trx
      .deleteFrom('journey_maps')
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) throw mapNotFound(id)
  })
}

function isKeyViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown }
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}
