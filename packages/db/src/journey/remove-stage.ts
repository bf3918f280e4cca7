import type { CxDatabase } from '../open-database.js'
import { countReferences, describeReferences } from './count-references.js'
import { journeyConflict, journeyInvalid, journeyNotFound } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'

export interface RemoveStageOptions {
  /** Move the stage's touchpoints to this stage first, in the same transaction. */
  moveTo?: string
}

/**
 * Removes a stage, in one transaction, and closes the gap in the positions behind it. A stage that still
 * has touchpoints is a 409 saying how many, unless `moveTo` names another stage of the workspace to move
 * them to. A stage that other rows name (surveys, answers: history that would lose its stage) is a 409
 * naming them: rename it instead.
 *
 * @example
 * await removeStage(database, 'acme', 'advocacy', { moveTo: 'retention' })
 */
export async function removeStage(
  database: CxDatabase,
  workspace: string,
  id: string,
  options: RemoveStageOptions = {},
): Promise<void> {
  const { moveTo } = options
  await database.sql.transaction(database.db, async (trx) => {
    await lockWorkspace(database, trx, workspace)
    const stages = await trx
      .selectFrom('stages')
      .select(['id', 'position'])
      .where('workspace_id', '=', workspace)
      .execute()
    const stage = stages.find((row) => row.id === id)
    if (!stage) throw journeyNotFound('stage', id, workspace)
    if (moveTo !== undefined) {
      if (moveTo === id) throw journeyInvalid('query.moveTo', 'must be another stage than the one removed')
      if (!stages.some((row) => row.id === moveTo)) {
        throw journeyInvalid('query.moveTo', `stage '${moveTo}' does not exist in workspace '${workspace}'`)
      }
    }
    const others = await countReferences(database, trx, 'stage_id', workspace, id, ['touchpoints'])
    if (others.length > 0) {
      throw journeyConflict(
        'param.id',
        `stage '${id}' is still referenced: ${describeReferences(others)}; rename it instead of removing it`,
      )
    }
    const touchpoints = await trx
      .selectFrom('touchpoints')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspace)
      .where('stage_id', '=', id)
      .executeTakeFirstOrThrow()
    const count = Number(touchpoints.n)
    if (count > 0 && moveTo === undefined) {
      throw journeyConflict(
        'param.id',
        `stage '${id}' still has ${count} touchpoint${count === 1 ? '' : 's'}: move ${count === 1 ? 'it' : 'them'} to another stage (moveTo) or remove ${count === 1 ? 'it' : 'them'} first`,
      )
    }
    if (count > 0 && moveTo !== undefined) {
      await trx
        .updateTable('touchpoints')
        .set({ stage_id: moveTo })
        .where('workspace_id', '=', workspace)
        .where('stage_id', '=', id)
        .execute()
    }
    await trx.deleteFrom('stages').where('workspace_id', '=', workspace).where('id', '=', id).execute()
    await trx
      .updateTable('stages')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('workspace_id', '=', workspace)
      .where('position', '>', stage.position)
      .execute()
  })
}
