import { bodyLimits, contribute, customerTimelinePoint, definePlugin } from '@cxkit/core'
import { journeyEventsTimeline } from './customer-timeline/journey-events-timeline.js'
import { eventsEntity } from './events/events-entity.js'
import * as createEvents from './migrations/001_create_events.js'
import * as createMaps from './migrations/002_create_maps.js'
import * as indexEventsByTouchpoint from './migrations/003_index_events_by_touchpoint.js'
import { digitalMetrics } from './digital/digital-metrics.js'
import { journeyRoutes } from './routes.js'
import { seedDemoJourneys } from './seed-demo-journeys.js'
import { seedDemoJourneyMap } from './maps/seed-demo-map.js'

export type { JourneyTables } from './tables.js'
export { eventsEntity } from './events/events-entity.js'
export * from './analysis/analysis-query-schema.js'
export { windowSchema, maxWindowMs } from './analysis/analysis-window.js'
export { resolveSteps, type ResolvedStep } from './analysis/resolve-steps.js'
export { runExitsQuery, runFunnelQuery, runPathsQuery } from './analysis/run-analysis.js'
export { computeFunnel, funnelParts, maxFunnelGroups, type FunnelInput } from './funnel/compute-funnel.js'
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
  migrations: {
    '001_create_events': createEvents,
    '002_create_maps': createMaps,
    '003_index_events_by_touchpoint': indexEventsByTouchpoint,
  },
  metrics: digitalMetrics,
  routes: journeyRoutes,
  // Up to 10,000 events per request.
  bodyLimits: { 'POST /events/batch': bodyLimits.batch },
  importers: [eventsEntity],
  // Each event of a customer on the customer page: "met Website (Consideration)".
  contributes: [contribute(customerTimelinePoint, journeyEventsTimeline)],
  seedDemo: async (ctx, demo) => {
    await seedDemoJourneys(ctx, demo)
    await seedDemoJourneyMap(ctx, demo)
  },
  dashboard: {
    module: '@cxkit/plugin-journey/dashboard',
    pages: [{ path: 'journey', tag: 'cx-journey-page', title: { en: 'Journey', nl: 'Klantreis' } }],
    panels: [
      {
        tag: 'cx-journey-health-panel',
        title: { en: 'Journey health', nl: 'Gezondheid van de klantreis' },
        size: 'wide',
      },
      {
        tag: 'cx-journey-heatmap-panel',
        title: { en: 'Scores per stage and touchpoint', nl: 'Scores per fase en contactpunt' },
        size: 'wide',
      },
      {
        tag: 'cx-journey-pain-points-panel',
        title: { en: 'Pain points', nl: 'Knelpunten' },
        size: 'wide',
      },
    ],
  },
})

declare module '@cxkit/core' {
  /** Registers the plugin's id, so `dependsOn`, configs and typed clients check it. */
  interface PluginRegistry {
    journey: ReturnType<typeof journeyPlugin>
  }
}
