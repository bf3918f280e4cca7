import { definePlugin } from '@cxkit/core'
import * as createEvents from './migrations/001_create_events.js'
import * as createMaps from './migrations/002_create_maps.js'
import { journeyRoutes } from './routes.js'

export type { JourneyTables } from './tables.js'
export * from './analysis/analysis-query-schema.js'
export { windowSchema, maxWindowMs } from './analysis/analysis-window.js'
export { resolveSteps, type ResolvedStep } from './analysis/resolve-steps.js'
export { runExitsQuery, runFunnelQuery, runPathsQuery } from './analysis/run-analysis.js'
export { computeFunnel, maxFunnelGroups, type FunnelInput } from './funnel/compute-funnel.js'
export type { FunnelResult, FunnelGroupResult, FunnelStepResult } from './funnel/funnel-result.js'
export { computeExits, type ExitsInput } from './exits/compute-exits.js'
export type { ExitsResult } from './exits/exits-result.js'
export { computePaths, type PathsInput } from './paths/compute-paths.js'
export type { PathsResult } from './paths/paths-result.js'

/**
 * The journey plugin: journey maps per persona, journey events, funnels and drop-off, paths and
 * per-touchpoint scores. Stages and touchpoints themselves are core's: every plugin reads them.
 *
 * @example
 * export default defineConfig({ plugins: [surveysPlugin(), journeyPlugin()] })
 */
export const journeyPlugin = definePlugin({
  id: 'journey',
  version: '0.1.0',
  description: {
    en: 'Journey maps, journey events, funnels, paths and per-touchpoint scores.',
    nl: 'Klantreiskaarten, klantreisgebeurtenissen, trechters, paden en scores per contactpunt.',
  },
  migrations: { '001_create_events': createEvents, '002_create_maps': createMaps },
  routes: journeyRoutes,
})

declare module '@cxkit/core' {
  /** Registers the plugin's id, so `dependsOn` and configs check it. */
  interface PluginRegistry {
    journey: ReturnType<typeof journeyPlugin>
  }
}
