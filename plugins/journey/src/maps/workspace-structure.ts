import type { MapStage, MapTouchpoint } from '../schema.js'
import type { JourneyDb } from './journey-db.js'

/** The most touchpoints a map view reads: far beyond any real journey, a bound on one request. */
export const maxTouchpointsOnMap = 2000

/** A workspace's stages in journey order and its touchpoints by stage, then name: what a map is drawn on. */
export interface WorkspaceStructure {
  stages: MapStage[]
  touchpoints: MapTouchpoint[]
}

/**
 * Reads the stages and touchpoints a map of the workspace is drawn on.
 *
 * @example
 * const { stages, touchpoints } = await readWorkspaceStructure(journeyDb(ctx), 'acme')
 */
export async function readWorkspaceStructure(db: JourneyDb, workspace: string): Promise<WorkspaceStructure> {
  const [stageRows, touchpointRows] = await Promise.all([
    db
      .selectFrom('stages')
      .select(['id', 'label_en', 'label_nl', 'position'])
      .where('workspace_id', '=', workspace)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('touchpoints')
      .select(['id', 'name', 'stage_id', 'channel', 'owner_team', 'description'])
      .where('workspace_id', '=', workspace)
      .orderBy('stage_id')
      .orderBy('name')
      .orderBy('id')
      .limit(maxTouchpointsOnMap)
      .execute(),
  ])
  return {
    stages: stageRows.map((row) => ({
      id: row.id,
      label: row.label_nl ? { en: row.label_en, nl: row.label_nl } : { en: row.label_en },
      position: row.position,
    })),
    touchpoints: touchpointRows.map((row) => ({
      id: row.id,
      name: row.name,
      stageId: row.stage_id,
      channel: row.channel,
      ownerTeam: row.owner_team,
      description: row.description,
    })),
  }
}
