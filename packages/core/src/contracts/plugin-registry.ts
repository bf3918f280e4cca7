import type { PluginDefinition } from './define-plugin.js'

/**
 * The plugins a compilation knows, by id. Each plugin package registers itself by declaration merging,
 * so that ids are checked where they are written (`dependsOn`, configs, typed API clients) while the
 * types still flow from the definition instead of being restated:
 *
 * @example
 * declare module '@cxkit/core' {
 *   interface PluginRegistry { nps: ReturnType<typeof npsPlugin> }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each plugin package
export interface PluginRegistry {}

type Registered = Extract<keyof PluginRegistry, string>

/** Ids of the registered plugins; any string while none is registered (a plugin compiled on its own). */
export type KnownPluginId = [Registered] extends [never] ? string : Registered

/** The metric ids a plugin definition declares. */
export type MetricIdOf<TPlugin> = TPlugin extends PluginDefinition<string, any, infer TMetricId> ? TMetricId : never

/** The metric ids of every registered plugin; any string while none is registered. */
export type KnownMetricId = [Registered] extends [never] ? string : MetricIdOf<PluginRegistry[Registered]>
