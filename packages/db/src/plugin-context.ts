import { type Host, type Logger, type PluginContext, type PluginDefinition, silentLogger } from '@cxkit/core'
import type { CxDatabase } from './open-database.js'
import { requireWorkspace } from './repositories/workspaces.js'

/**
 * The context a plugin's code runs with: the database, the dialect helpers, its own settings.
 *
 * @example
 * const ctx = createPluginContext(database, host, plugin, logger)
 */
export function createPluginContext<TSettings>(
  database: CxDatabase,
  host: Host,
  plugin: PluginDefinition<string, TSettings>,
  logger: Logger = silentLogger,
): PluginContext<TSettings> {
  return {
    db: database.db,
    sql: database.sql,
    logger,
    settings: plugin.settings,
    contributions: (point) => host.contributions(point),
    requireWorkspace: (id) => requireWorkspace(database, id),
  }
}
