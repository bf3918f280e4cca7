import { journeyLimits, parseInput, type StageInput, stageInputSchema } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { journeyConflict, journeyInvalid, isKeyViolation } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'
import { readWorkspaceStage, type WorkspaceStage } from './workspace-stages.js'

/**
 * Adds a stage to a workspace, right after the stage `after` or at the end, in one transaction: the
 * stages behind it move up one place. A taken id is a 409, an unknown `after` a 400 naming `body.after`.
 *
 * @example
 * await addStage(database, 'acme', { id: 'repair', label: { en: 'Repair', nl: 'Reparatie' }, after: 'delivery' })
 */
export async function addStage(database: CxDatabase, workspace: string, input: StageInput): Promise<WorkspaceStage> {
  const stage = parseInput(stageInputSchema, input, 'body')
  return database.sql
    .transaction(database.db, async (trx) => {
      await lockWorkspace(database, trx, workspace)
      const stages = await trx
        .selectFrom('stages')
        .select(['id', 'position'])
        .where('workspace_id', '=', workspace)
        .orderBy('position')
        .execute()
      if (stages.some((row) => row.id === stage.id)) throw stageExists(stage.id, workspace)
      if (stages.length >= journeyLimits.stages) {
        throw journeyConflict(
          'body.id',
          `workspace '${workspace}' has ${journeyLimits.stages} stages, the most it may have`,
        )
      }
      let position = (stages.at(-1)?.position ?? -1) + 1
      if (stage.after !== undefined) {
        const after = stages.find((row) => row.id === stage.after)
        if (!after)
          throw journeyInvalid('body.after', `stage '${stage.after}' does not exist in workspace '${workspace}'`)
        position = after.position + 1
        await trx
          .updateTable('stages')
          .set((eb) => ({ position: eb('position', '+', 1) }))
          .where('workspace_id', '=', workspace)
          .where('position', '>=', position)
          .execute()
      }
      await trx
        .insertInto('stages')
        .values({
          workspace_id: workspace,
          id: stage.id,
          label_en: stage.label.en,
          label_nl: stage.label.nl ?? null,
          position,
        })
        .execute()
      const stored = await readWorkspaceStage(trx, workspace, stage.id)
      if (!stored) throw new Error(`stage '${stage.id}' vanished inside its own transaction`)
      return stored
    })
    .catch((error: unknown) => {
      throw isKeyViolation(error, 'stages') ? stageExists(stage.id, workspace) : error
    })
}

function stageExists(id: string, workspace: string) {
  return journeyConflict('body.id', `stage '${id}' already exists in workspace '${workspace}'`)
}
