// Reading maps and their versions: every query scoped by workspace and bounded.
import { type MapContent, type MapSummary, type MapVersionSummary, mapLimits } from '../schema.js'
import type { JourneyDb } from './journey-db.js'
import { mapNotFound, versionNotFound } from './map-errors.js'

type MapRow = {
  id: string
  name: string
  persona: string | null
  segment: string | null
  current_version: number
  created_at: string
  updated_at: string
}

const summaryOf = (row: MapRow): MapSummary => ({
  id: row.id,
  name: row.name,
  persona: row.persona,
  segment: row.segment,
  version: row.current_version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const mapColumns = ['id', 'name', 'persona', 'segment', 'current_version', 'created_at', 'updated_at'] as const

/** A workspace's maps by name (at most {@link mapLimits.mapsPerWorkspace}, as many as it may hold). */
export async function listMaps(db: JourneyDb, workspace: string): Promise<MapSummary[]> {
  const rows = await db
    .selectFrom('journey_maps')
    .select(mapColumns)
    .where('workspace_id', '=', workspace)
    .orderBy('name')
    .orderBy('id')
    .limit(mapLimits.mapsPerWorkspace)
    .execute()
  return rows.map(summaryOf)
}

/** One map's summary; a 404 when the workspace has no such map. */
export async function findMap(db: JourneyDb, workspace: string, id: string): Promise<MapSummary> {
  const row = await db
    .selectFrom('journey_maps')
    .select(mapColumns)
    .where('workspace_id', '=', workspace)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw mapNotFound(id)
  return summaryOf(row)
}

/** One stored version of a map: its content (parsed JSON), author and time. */
export interface StoredVersion {
  version: number
  author: string | null
  savedAt: string
  content: MapContent
}

/** A version of a map; a 404 when the map or the version does not exist. */
export async function readVersion(db: JourneyDb, workspace: string, id: string, version: number) {
  const row = await db
    .selectFrom('journey_map_versions')
    .select(['version', 'author', 'created_at', 'content'])
    .where('workspace_id', '=', workspace)
    .where('map_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw versionNotFound(id, version)
  return {
    version: row.version,
    author: row.author,
    savedAt: row.created_at,
    content: JSON.parse(row.content) as MapContent,
  } satisfies StoredVersion
}

/** A map's versions, newest first: at most `limit`, older than `before` when given. */
export async function listVersions(
  db: JourneyDb,
  workspace: string,
  id: string,
  { limit, before }: { limit: number; before?: number | undefined },
): Promise<MapVersionSummary[]> {
  let query = db
    .selectFrom('journey_map_versions')
    .select(['version', 'author', 'created_at'])
    .where('workspace_id', '=', workspace)
    .where('map_id', '=', id)
  if (before !== undefined) query = query.where('version', '<', before)
  const rows = await query.orderBy('version', 'desc').limit(limit).execute()
  return rows.map((row) => ({ version: row.version, author: row.author, createdAt: row.created_at }))
}
