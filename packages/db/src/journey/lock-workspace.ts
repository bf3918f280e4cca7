import type { CoreTables } from '@cxkit/core'
import type { Transaction } from 'kysely'
import type { CxDatabase } from '../open-database.js'
import { workspaceNotFound } from '../repositories/workspaces.js'

/**
 * Inside a transaction that changes a workspace's stages or touchpoints: throws a 404 unless the
 * workspace exists, and on PostgreSQL locks its row until the transaction ends, so two changes to one
 * workspace's journey run one after the other (the second sees what the first committed: a duplicate
 * id, a removed stage, the positions it wrote). `no key update` leaves the row free for inserts into
 * tables whose foreign keys point at it. SQLite transactions take the write lock when they begin.
 */
export async function lockWorkspace(database: CxDatabase, trx: Transaction<CoreTables>, workspace: string) {
  const row = await trx
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspace)
    .$if(database.sql.name === 'postgres', (query) => query.forNoKeyUpdate())
    .executeTakeFirst()
  if (!row) throw workspaceNotFound(workspace)
}
