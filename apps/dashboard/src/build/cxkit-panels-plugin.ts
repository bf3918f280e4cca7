import type { CxkitConfig, PluginDefinition } from '@cxkit/core'
import type { Plugin } from 'vite'

const virtualId = 'virtual:cxkit-app'
const resolvedId = `\0${virtualId}`

/**
 * Generates `virtual:cxkit-app` from an app config: a loader per plugin dashboard module (each its
 * own chunk, loaded when the overview needs it) and the branding. Runs at build time, in Node.
 */
export function cxkitPanels(config: CxkitConfig): Plugin {
  const plugins = config.plugins.filter((p): p is PluginDefinition => Boolean(p))
  const loaders = plugins.flatMap(({ id, dashboard }) =>
    dashboard ? [`  ${JSON.stringify(id)}: () => import(${JSON.stringify(dashboard.module)}),`] : [],
  )
  const app = {
    productName: config.branding?.productName ?? 'cxkit',
    locale: config.locale ?? null,
    cssVars: config.branding?.cssVars ?? {},
  }
  return {
    name: 'cxkit-panels',
    resolveId: (id) => (id === virtualId ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined
      return `export const panelModules = {\n${loaders.join('\n')}\n}\nexport const app = ${JSON.stringify(app)}\n`
    },
  }
}
