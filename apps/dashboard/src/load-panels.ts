import type { PluginDescription } from '@cxkit/ui'
import { panelModules } from 'virtual:cxkit-app'

export type PanelState = { status: 'ready' } | { status: 'failed'; message: string }

/**
 * Loads the panel module of each plugin in the registry and checks that it defined the tags it
 * promised. A module that fails, is missing from this build, or defines nothing marks its panels
 * failed; the others still show.
 */
export async function loadPanels(plugins: readonly PluginDescription[]): Promise<Map<string, PanelState>> {
  const states = new Map<string, PanelState>()
  await Promise.all(
    plugins
      .filter((plugin) => plugin.panels.length > 0 || plugin.pages.length > 0)
      .map(async (plugin) => {
        const load = panelModules[plugin.id]
        let failure: string | undefined
        if (!load) failure = 'its panel module is not part of this dashboard build'
        else {
          try {
            await load()
          } catch (error) {
            failure = (error as Error).message
          }
        }
        for (const panel of [...plugin.panels, ...plugin.pages]) {
          const message = failure ?? (customElements.get(panel.tag) ? undefined : `<${panel.tag}> was never defined`)
          states.set(panel.tag, message ? { status: 'failed', message } : { status: 'ready' })
        }
      }),
  )
  return states
}
