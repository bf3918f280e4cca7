import type { Kysely } from 'kysely'
import type { CoreTables } from './core-tables.js'
import type { MetricDefinition, MetricResult } from './define-metric.js'
import type { ExtensionPoint } from './define-extension-point.js'
import type { ImportEntity } from './import-entity.js'
import type { Logger } from './logger.js'
import type { SqlDialect } from './sql-dialect.js'

/**
 * The capabilities a plugin is handed. Nothing is imported as a singleton: tests hand in their own.
 * `db` knows the core tables; a plugin adds its own with `db.withTables<MyTables>()`.
 */
export interface PluginContext<TOptions = unknown> {
  readonly db: Kysely<CoreTables>
  readonly sql: SqlDialect
  readonly logger: Logger
  /** The plugin's options, as its factory parsed them. */
  readonly options: TOptions
  /** Throws a 404 CxError unless the workspace exists: plugin routes start here. */
  requireWorkspace(id: string): Promise<void>
  /** Everything enabled plugins contribute to an extension point, in host order. */
  contributions<T>(point: ExtensionPoint<T>): T[]
  /** What rows can be imported into on this install: core's customers, then the enabled plugins' entities. */
  importEntities(): readonly ImportEntity[]
  /** Every metric of the enabled plugins, in host order, with the id of the plugin that owns it. */
  metrics(): readonly { plugin: string; metric: MetricDefinition }[]
  /**
   * Runs an enabled plugin's metric as `GET /api/metrics/:id` does: the query validated (a grouping or
   * filter the metric does not offer is a 400), the workspace's metric settings applied. A plugin reads
   * another's figures through this, never through its tables.
   */
  runMetric(metricId: string, query: MetricRun): Promise<MetricResult>
}

/** What {@link PluginContext.runMetric} is asked: a metric query as `metricQuerySchema` reads it. */
export interface MetricRun {
  workspace: string
  period: { from: string; to: string }
  groupBy?: readonly string[]
  filters?: Readonly<Record<string, string>>
}
