import type { Stage, StageModel, Touchpoint } from '@cxkit/core'
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
      })),
    )
    .execute()
}

/** A workspace's touchpoints, in stage order. */
export async function listTouchpoints(database: CxDatabase, workspace: string): Promise<Touchpoint[]> {
  const rows = await database.db
    .selectFrom('touchpoints')
    .innerJoin('stages', (join) =>
      join
        .onRef('stages.workspace_id', '=', 'touchpoints.workspace_id')
        .onRef('stages.id', '=', 'touchpoints.stage_id'),
    )
    .select(['touchpoints.id', 'touchpoints.name', 'touchpoints.stage_id', 'touchpoints.channel', 'touchpoints.kind'])
    .where('touchpoints.workspace_id', '=', workspace)
    .orderBy('stages.position')
    .orderBy('touchpoints.name')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    stageId: row.stage_id,
    channel: row.channel as Touchpoint['channel'],
    kind: row.kind,
  }))
}
