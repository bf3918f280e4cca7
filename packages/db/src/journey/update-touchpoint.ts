import { parseInput, type TouchpointChanges, touchpointChangesSchema } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { listTouchpoints, type StoredTouchpoint } from '../repositories/journey-structure.js'
import { journeyNotFound } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'
import { requireStage } from './require-stage.js'

/**
 * Changes a touchpoint: fields left out keep their value, `null` clears the owner team or the
 * description. A new stage must be one of the workspace's (else a 400 naming `body.stageId`).
 *
 * @example
 * await updateTouchpoint(database, 'acme', 'web-checkout', { stageId: 'delivery', ownerTeam: null })
 */
export async function updateTouchpoint(
  database: CxDatabase,
  workspace: string,
  id: string,
  changes: TouchpointChanges,
): Promise<StoredTouchpoint> {
  const change = parseInput(touchpointChangesSchema, changes, 'body')
  return database.sql.transaction(database.db, async (trx) => {
    await lockWorkspace(database, trx, workspace)
    const current = (await listTouchpoints(database, workspace, trx)).find((row) => row.id === id)
    if (!current) throw journeyNotFound('touchpoint', id, workspace)
    if (change.stageId !== undefined) await requireStage(trx, workspace, change.stageId, 'body.stageId')
    const values = {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.stageId === undefined ? {} : { stage_id: change.stageId }),
      ...(change.channel === undefined ? {} : { channel: change.channel }),
      ...(change.ownerTeam === undefined ? {} : { owner_team: change.ownerTeam }),
      ...(change.description === undefined ? {} : { description: change.description }),
    }
    if (Object.keys(values).length === 0) return current
    await trx
      .updateTable('touchpoints')
      .set(values)
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .execute()
    const updated = (await listTouchpoints(database, workspace, trx)).find((row) => row.id === id)
    if (!updated) throw journeyNotFound('touchpoint', id, workspace)
    return updated
  })
}
