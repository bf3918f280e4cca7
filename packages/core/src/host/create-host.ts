import { CxError } from '../errors/cx-error.js'
import type { ExtensionPoint } from '../contracts/define-extension-point.js'
import type { MetricDefinition } from '../contracts/define-metric.js'
import type { ImportEntity } from '../contracts/import-entity.js'
import { customersEntity } from '../imports/customers-entity.js'
import type { PluginDefinition } from '../contracts/define-plugin.js'
import { orderPlugins } from './order-plugins.js'
import { describePlugin, type PluginDescription } from './describe-plugin.js'

/** The assembled set of plugins that the server, the dashboard and the CLI read. */
export interface Host {
  /** Plugins in dependency order: migrations and routes follow this order. */
  readonly plugins: readonly PluginDefinition[]
  plugin(id: string): PluginDefinition | undefined
  /** Every metric of every plugin, with the plugin that owns it. */
  readonly metrics: readonly { plugin: PluginDefinition; metric: MetricDefinition }[]
  metric(id: string): { plugin: PluginDefinition; metric: MetricDefinition } | undefined
  /**
   * What rows can be imported into: core's customers on every install, then each plugin's entities,
   * with the plugin that declares them (none for core's).
   */
  readonly importEntities: readonly { plugin?: PluginDefinition; entity: ImportEntity }[]
  importEntity(name: string): { plugin?: PluginDefinition; entity: ImportEntity } | undefined
  /** Everything the enabled plugins contribute to an extension point, in host order. */
  contributions<T>(point: ExtensionPoint<T>): T[]
  /** A JSON-safe description of everything registered (the `/api/plugins` payload). */
  registry(): PluginDescription[]
}

type PluginEntry = PluginDefinition | false | null | undefined

/**
 * Validates and orders plugins. Falsy entries are skipped so configs can write `flag && plugin()`.
 *
 * @example
 * const host = createHost([surveysPlugin(), npsPlugin()])
 * host.plugins.map((p) => p.id) // ['surveys', 'nps']
 */
export function createHost(entries: readonly PluginEntry[]): Host {
  const plugins = orderPlugins(entries.filter((entry): entry is PluginDefinition => Boolean(entry)))
  const metrics: { plugin: PluginDefinition; metric: MetricDefinition }[] = []
  const metricOwner = new Map<string, { plugin: PluginDefinition; metric: MetricDefinition }>()
  for (const plugin of plugins) {
    for (const metric of plugin.metrics) {
      const owner = metricOwner.get(metric.id)
      if (owner) {
        throw new CxError(
          'CXKIT_METRIC_DUPLICATE_ID',
          `metric '${metric.id}' is defined by both plugin '${owner.plugin.id}' and plugin '${plugin.id}'`,
          { details: { metric: metric.id, plugins: [owner.plugin.id, plugin.id] } },
        )
      }
      const entry = { plugin, metric }
      metricOwner.set(metric.id, entry)
      metrics.push(entry)
    }
  }
  const pageOwner = new Map<string, string>()
  for (const plugin of plugins) {
    if (!plugin.publicPages) continue
    const owner = pageOwner.get(plugin.publicPages.path)
    if (owner) {
      throw new CxError(
        'CXKIT_PLUGIN_INVALID',
        `plugins '${owner}' and '${plugin.id}' both serve pages at '${plugin.publicPages.path}'`,
      )
    }
    pageOwner.set(plugin.publicPages.path, plugin.id)
  }
  const byId = new Map(plugins.map((plugin) => [plugin.id, plugin]))
  const importEntities = collectImportEntities(plugins)
  return Object.freeze({
    plugins: Object.freeze(plugins),
    plugin: (id: string) => byId.get(id),
    metrics: Object.freeze(metrics),
    metric: (id: string) => metricOwner.get(id),
    registry: () => plugins.map(describePlugin),
    importEntities: Object.freeze(importEntities),
    importEntity: (name: string) => importEntities.find(({ entity }) => entity.entity === name),
    contributions: <T>(point: ExtensionPoint<T>) =>
      plugins.flatMap((plugin) =>
        plugin.contributes.flatMap((contribution) =>
          // Compared by id, not identity: two copies of a plugin package still meet at one point.
          contribution.point.id === point.id ? (contribution.items as readonly T[]) : [],
        ),
      ),
  })
}

function collectImportEntities(plugins: readonly PluginDefinition[]) {
  const entities: { plugin?: PluginDefinition; entity: ImportEntity }[] = [{ entity: customersEntity }]
  for (const plugin of plugins) {
    for (const entity of plugin.importers) {
      const owner = entities.find((known) => known.entity.entity === entity.entity)
      if (owner) {
        throw new CxError(
          'CXKIT_PLUGIN_INVALID',
          `entity '${entity.entity}' is declared by ${owner.plugin ? `plugin '${owner.plugin.id}'` : 'core'} and by plugin '${plugin.id}'`,
        )
      }
      entities.push({ plugin, entity })
    }
  }
  return entities
}
