import type { CoreTables } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { journeyInvalid } from './journey-errors.js'

/** Throws a 400 naming `field` unless the workspace has the stage: a touchpoint may only join its own workspace's stages. */
export async function requireStage(db: Kysely<CoreTables>, workspace: string, stage: string, field: string) {
  const row = await db
    .selectFrom('stages')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('id', '=', stage)
    .executeTakeFirst()
  if (!row) throw journeyInvalid(field, `stage '${stage}' does not exist in workspace '${workspace}'`)
}
