import type { CxDatabase } from '../open-database.js'
import { countReferences, type JourneyReference } from './count-references.js'
import { journeyNotFound } from './journey-errors.js'
import { requireWorkspace } from '../repositories/workspaces.js'

/**
 * The rows that name a touchpoint (survey responses, journey events, any plugin table with a
 * `touchpoint_id`), by table: what keeps it from being removed, read before asking the user to confirm.
 *
 * @example
 * await touchpointReferences(database, 'acme', 'web-checkout') // [{ table: 'journey_events', rows: 3 }]
 */
export async function touchpointReferences(
  database: CxDatabase,
  workspace: string,
  id: string,
): Promise<JourneyReference[]> {
  await requireWorkspace(database, workspace)
  const row = await database.db
    .selectFrom('touchpoints')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw journeyNotFound('touchpoint', id, workspace)
  return countReferences(database, database.db, 'touchpoint_id', workspace, id)
}
