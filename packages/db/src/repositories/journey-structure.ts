import type { CoreTables, Stage, StageModel, Touchpoint, TouchpointChannel } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { CxDatabase } from '../open-database.js'

/**
 * Stores a stage model as a workspace's stages, in model order.
 *
 * @example
 * await insertStages(database, 'acme', defaultStageModel)
 */
export async function insertStages(database: CxDatabase, workspace: string, model: StageModel): Promise<void> {
  await database.db
    .insertInto('stages')
    .values(
      model.stages.map((stage, position) => ({
        workspace_id: workspace,
        id: stage.id,
        label_en: stage.label.en,
        label_nl: stage.label.nl ?? null,
        position,
      })),
    )
    .execute()
}

/** A workspace's stages, in journey order. */
export async function listStages(database: CxDatabase, workspace: string): Promise<Stage[]> {
  const rows = await database.db
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', workspace)
    .orderBy('position')
    .execute()
  return rows.map((row) => ({ id: row.id, labelEn: row.label_en, labelNl: row.label_nl, position: row.position }))
}

/** Stores touchpoints; each must name a stage of the workspace (a foreign key enforces it). */
export async function insertTouchpoints(
  database: CxDatabase,
  workspace: string,
  touchpoints: readonly Touchpoint[],
): Promise<void> {
  if (touchpoints.length === 0) return
  await database.db
    .insertInto('touchpoints')
    .values(
      touchpoints.map((tp) => ({
        workspace_id: workspace,
        id: tp.id,
        name: tp.name,
        stage_id: tp.stageId,
        channel: tp.channel,
        kind: tp.kind ?? null,
        owner_team: tp.ownerTeam ?? null,
        description: tp.description ?? null,
      })),
    )
    .execute()
}

/** A touchpoint as read back: every field present, `null` where there is no value. */
export interface StoredTouchpoint {
  id: string
  name: string
  stageId: string
  channel: TouchpointChannel
  kind: string | null
  ownerTeam: string | null
  description: string | null
}

/**
 * A workspace's touchpoints, ordered by stage position, then name.
 *
 * @example
 * await listTouchpoints(database, 'acme') // [{ id: 'social-ads', name: 'Social media ads', stageId: 'awareness', channel: 'social', ownerTeam: null, … }]
 */
export async function listTouchpoints(
  database: CxDatabase,
  workspace: string,
  db: Kysely<CoreTables> = database.db,
): Promise<StoredTouchpoint[]> {
  const rows = await db
    .selectFrom('touchpoints')
    .innerJoin('stages', (join) =>
      join
        .onRef('stages.workspace_id', '=', 'touchpoints.workspace_id')
        .onRef('stages.id', '=', 'touchpoints.stage_id'),
    )
    .select([
      'touchpoints.id',
      'touchpoints.name',
      'touchpoints.stage_id',
      'touchpoints.channel',
      'touchpoints.kind',
      'touchpoints.owner_team',
      'touchpoints.description',
    ])
    .where('touchpoints.workspace_id', '=', workspace)
    .orderBy('stages.position')
    .orderBy('touchpoints.name')
    .orderBy('touchpoints.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    stageId: row.stage_id,
    channel: row.channel as TouchpointChannel,
    kind: row.kind,
    ownerTeam: row.owner_team,
    description: row.description,
  }))
}
