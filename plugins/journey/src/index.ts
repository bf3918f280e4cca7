import { definePlugin } from '@cxkit/core'
import * as createEvents from './migrations/001_create_events.js'
import * as createMaps from './migrations/002_create_maps.js'
import { seedDemoJourneyMap } from './maps/seed-demo-map.js'
import { journeyRoutes } from './routes.js'

export type { JourneyTables } from './tables.js'

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
  seedDemo: seedDemoJourneyMap,
  dashboard: {
    module: '@cxkit/plugin-journey/dashboard',
    pages: [{ path: 'journey', tag: 'cx-journey-page', title: { en: 'Journey', nl: 'Klantreis' } }],
  },
})

declare module '@cxkit/core' {
  /** Registers the plugin's id, so `dependsOn` and configs check it. */
  interface PluginRegistry {
    journey: ReturnType<typeof journeyPlugin>
  }
}
