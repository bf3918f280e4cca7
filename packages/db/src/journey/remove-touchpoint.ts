import type { CxDatabase } from '../open-database.js'
import { countReferences, describeReferences } from './count-references.js'
import { journeyConflict, journeyNotFound } from './journey-errors.js'
import { lockWorkspace } from './lock-workspace.js'

/**
 * Removes a touchpoint. One that other rows point at (survey responses and surveys, journey events, any
 * plugin table with a `touchpoint_id`) is a 409 naming them: their history would lose its touchpoint.
 *
 * @example
 * await removeTouchpoint(database, 'acme', 'old-kiosk')
 */
export async function removeTouchpoint(database: CxDatabase, workspace: string, id: string): Promise<void> {
  await database.sql.transaction(database.db, async (trx) => {
    await lockWorkspace(database, trx, workspace)
    const row = await trx
      .selectFrom('touchpoints')
      .select('id')
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw journeyNotFound('touchpoint', id, workspace)
    const references = await countReferences(database, trx, 'touchpoint_id', workspace, id)
    if (references.length > 0) {
      throw journeyConflict('param.id', `touchpoint '${id}' is still referenced: ${describeReferences(references)}`)
    }
    await trx.deleteFrom('touchpoints').where('workspace_id', '=', workspace).where('id', '=', id).execute()
  })
}
