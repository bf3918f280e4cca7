import { journeyLimits, nameFromId, parseInput, type TouchpointInput, touchpointInputSchema } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { listTouchpoints, type StoredTouchpoint } from '../repositories/journey-structure.js'
import { isKeyViolation, journeyConflict } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'
import { requireStage } from './require-stage.js'

/**
 * Adds a touchpoint to a workspace. Its stage must be one of the workspace's (else a 400 naming
 * `body.stageId`); a taken id is a 409 naming `body.id`. Without a name it is named after its id
 * (`web-checkout` → `Web checkout`).
 *
 * @example
 * await addTouchpoint(database, 'acme', { id: 'web-checkout', stageId: 'purchase', channel: 'website', ownerTeam: 'E-commerce' })
 */
export async function addTouchpoint(
  database: CxDatabase,
  workspace: string,
  input: TouchpointInput,
): Promise<StoredTouchpoint> {
  const touchpoint = parseInput(touchpointInputSchema, input, 'body')
  return database.sql
    .transaction(database.db, async (trx) => {
      await lockWorkspace(database, trx, workspace)
      const stored = await listTouchpoints(database, workspace, trx)
      if (stored.some((row) => row.id === touchpoint.id)) throw touchpointExists(touchpoint.id, workspace)
      if (stored.length >= journeyLimits.touchpoints) {
        throw journeyConflict(
          'body.id',
          `workspace '${workspace}' has ${journeyLimits.touchpoints} touchpoints, the most it may have`,
        )
      }
      await requireStage(trx, workspace, touchpoint.stageId, 'body.stageId')
      await trx
        .insertInto('touchpoints')
        .values({
          workspace_id: workspace,
          id: touchpoint.id,
          name: touchpoint.name ?? nameFromId(touchpoint.id),
          stage_id: touchpoint.stageId,
          channel: touchpoint.channel,
          kind: null,
          owner_team: touchpoint.ownerTeam ?? null,
          description: touchpoint.description ?? null,
        })
        .execute()
      const [created] = (await listTouchpoints(database, workspace, trx)).filter((row) => row.id === touchpoint.id)
      if (!created) throw new Error(`touchpoint '${touchpoint.id}' vanished inside its own transaction`)
      return created
    })
    .catch((error: unknown) => {
      throw isKeyViolation(error, 'touchpoints') ? touchpointExists(touchpoint.id, workspace) : error
    })
}

function touchpointExists(id: string, workspace: string) {
  return journeyConflict('body.id', `touchpoint '${id}' already exists in workspace '${workspace}'`)
}
