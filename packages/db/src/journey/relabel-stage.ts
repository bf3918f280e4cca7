import { parseInput, type StageLabelChanges, stageLabelChangesSchema } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { journeyNotFound } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'
import { readWorkspaceStage, type WorkspaceStage } from './workspace-stages.js'

/**
 * Renames a stage: a language left out keeps its label, `nl: null` removes the Dutch one. Its id stays,
 * so everything that points at it (touchpoints, surveys, answers) keeps pointing at it.
 *
 * @example
 * await relabelStage(database, 'acme', 'purchase', { en: 'Order', nl: 'Bestelling' })
 */
export async function relabelStage(
  database: CxDatabase,
  workspace: string,
  id: string,
  changes: StageLabelChanges,
): Promise<WorkspaceStage> {
  const label = parseInput(stageLabelChangesSchema, changes, 'body')
  return database.sql.transaction(database.db, async (trx) => {
    await lockWorkspace(database, trx, workspace)
    const values = {
      ...(label.en === undefined ? {} : { label_en: label.en }),
      ...(label.nl === undefined ? {} : { label_nl: label.nl }),
    }
    const result = await trx
      .updateTable('stages')
      .set(values)
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) throw journeyNotFound('stage', id, workspace)
    const stored = await readWorkspaceStage(trx, workspace, id)
    if (!stored) throw journeyNotFound('stage', id, workspace)
    return stored
  })
}
