import type { CoreTables, PluginContext } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { JourneyTables } from '../tables.js'

/** The database as the journey plugin sees it: core's tables and its own. */
export type JourneyDb = Kysely<CoreTables & JourneyTables>

/** The plugin's view of `ctx.db`, its own tables added. */
export function journeyDb(ctx: PluginContext): JourneyDb {
  return ctx.db.withTables<JourneyTables>()
}
