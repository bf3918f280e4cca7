import { parseInput, stageOrderSchema } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { journeyInvalid } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'
import { readWorkspaceStages, type WorkspaceStage } from './workspace-stages.js'

/**
 * Puts a workspace's stages in a new order: `ids` is every stage id of the workspace, each once, first
 * stage first (anything else is a 400 naming `body.ids` and what is missing, unknown or repeated).
 * Positions are rewritten 0, 1, 2, … in one statement, in one transaction: no moment has two stages in
 * one place, so a unique key on position would hold too.
 *
 * @example
 * await reorderStages(database, 'acme', ['awareness', 'consideration', 'purchase', 'retention', 'delivery', 'advocacy'])
 */
export async function reorderStages(
  database: CxDatabase,
  workspace: string,
  ids: readonly string[],
): Promise<WorkspaceStage[]> {
  const order = parseInput(stageOrderSchema, { ids }, 'body').ids
  return database.sql.transaction(database.db, async (trx) => {
    await lockWorkspace(database, trx, workspace)
    const stored = await trx.selectFrom('stages').select('id').where('workspace_id', '=', workspace).execute()
    const problem = orderProblem(
      stored.map((row) => row.id),
      order,
    )
    if (problem) throw journeyInvalid('body.ids', problem, 'invalid_order')
    await trx
      .updateTable('stages')
      .set((eb) => {
        const [first, ...rest] = order
        let cases = eb.case().when('id', '=', first!).then(0)
        for (const [index, id] of rest.entries()) cases = cases.when('id', '=', id).then(index + 1)
        return { position: cases.else(eb.ref('position')).end() }
      })
      .where('workspace_id', '=', workspace)
      .execute()
    return readWorkspaceStages(trx, workspace)
  })
}

/** What keeps `ids` from being exactly the stored stage ids, or undefined. */
function orderProblem(stored: readonly string[], ids: readonly string[]): string | undefined {
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index)
  if (repeated.length > 0) return `lists ${[...new Set(repeated)].map(quote).join(', ')} more than once`
  const unknown = ids.filter((id) => !stored.includes(id))
  if (unknown.length > 0)
    return `${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a stage' : 'are not stages'} of the workspace`
  const missing = stored.filter((id) => !ids.includes(id))
  if (missing.length > 0) return `must list every stage of the workspace: ${missing.map(quote).join(', ')} missing`
  return undefined
}

function quote(id: string): string {
  return `'${id}'`
}
