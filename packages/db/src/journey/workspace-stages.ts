import type { CoreTables } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { CxDatabase } from '../open-database.js'
import { requireWorkspace } from '../repositories/workspaces.js'

/** A stage of a workspace as the API shows it: its labels, its place, and how many touchpoints it has. */
export interface WorkspaceStage {
  id: string
  label: { en: string; nl?: string }
  /** 0 for the first stage, then 1, 2, … without gaps. */
  position: number
  touchpointCount: number
}

/**
 * A workspace's stages in journey order, each with its number of touchpoints (counted in SQL).
 * Unknown workspaces throw a 404 CxError.
 *
 * @example
 * await listWorkspaceStages(database, 'acme') // [{ id: 'awareness', label: { en: 'Awareness', nl: 'Bewustwording' }, position: 0, touchpointCount: 2 }, …]
 */
export async function listWorkspaceStages(database: CxDatabase, workspace: string): Promise<WorkspaceStage[]> {
  await requireWorkspace(database, workspace)
  return readWorkspaceStages(database.db, workspace)
}

/** The stages of a workspace known to exist, read through `db` (a transaction, or the database). */
export async function readWorkspaceStages(db: Kysely<CoreTables>, workspace: string): Promise<WorkspaceStage[]> {
  const rows = await db
    .selectFrom('stages as s')
    .leftJoin('touchpoints as t', (join) =>
      join.onRef('t.workspace_id', '=', 's.workspace_id').onRef('t.stage_id', '=', 's.id'),
    )
    .select(['s.id', 's.label_en', 's.label_nl', 's.position'])
    .select((eb) => eb.fn.count<number | string>('t.id').as('touchpoints'))
    .where('s.workspace_id', '=', workspace)
    .groupBy(['s.id', 's.label_en', 's.label_nl', 's.position'])
    .orderBy('s.position')
    .orderBy('s.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    label: row.label_nl === null ? { en: row.label_en } : { en: row.label_en, nl: row.label_nl },
    position: row.position,
    touchpointCount: Number(row.touchpoints),
  }))
}

/** One stage of a workspace, or undefined. */
export async function readWorkspaceStage(
  db: Kysely<CoreTables>,
  workspace: string,
  id: string,
): Promise<WorkspaceStage | undefined> {
  return (await readWorkspaceStages(db, workspace)).find((stage) => stage.id === id)
}
