import { type Host, type Logger, type PluginContext, type PluginDefinition, silentLogger } from '@cxkit/core'
import type { CxDatabase } from './open-database.js'
import { requireWorkspace } from './repositories/workspaces.js'
import { runMetric } from './run-metric.js'

/**
 * The context a plugin's code runs with: the database, the dialect helpers, its own options.
 *
 * @example
 * const ctx = createPluginContext(database, host, plugin, logger)
 */
export function createPluginContext<TOptions>(
  database: CxDatabase,
  host: Host,
  plugin: PluginDefinition<string, TOptions>,
  logger: Logger = silentLogger,
): PluginContext<TOptions> {
  return {
    db: database.db,
    sql: database.sql,
    logger,
    options: plugin.options,
    contributions: (point) => host.contributions(point),
    importEntities: () => host.importEntities.map(({ entity }) => entity),
    requireWorkspace: (id) => requireWorkspace(database, id),
    metrics: () => host.metrics.map(({ plugin: owner, metric }) => ({ plugin: owner.id, metric })),
    runMetric: (metricId, query) => runMetric(database, host, metricId, query, logger),
  }
}
