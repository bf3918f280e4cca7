import { CxError } from '../errors/cx-error.js'
import type { PluginDefinition } from '../contracts/define-plugin.js'

/**
 * Orders plugins so each comes after everything it depends on, keeping config order where the
 * dependencies allow (a depth-first walk in config order). Throws on duplicates, missing
 * dependencies and cycles, naming the plugins involved.
 */
export function orderPlugins(plugins: readonly PluginDefinition[]): PluginDefinition[] {
  const byId = new Map<string, PluginDefinition>()
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) {
      throw new CxError('CXKIT_PLUGIN_DUPLICATE_ID', `plugin '${plugin.id}' is listed twice in the config`, {
        details: { plugin: plugin.id },
      })
    }
    byId.set(plugin.id, plugin)
  }
  for (const plugin of plugins) {
    for (const dependency of plugin.dependsOn) {
      if (!byId.has(dependency)) {
        throw new CxError(
          'CXKIT_PLUGIN_DEPENDENCY_MISSING',
          `plugin '${plugin.id}' depends on '${dependency}', which is not in the config`,
          { details: { plugin: plugin.id, dependency } },
        )
      }
    }
  }

  const ordered: PluginDefinition[] = []
  const done = new Set<string>()
  const visiting: string[] = []
  const visit = (plugin: PluginDefinition): void => {
    if (done.has(plugin.id)) return
    const loopStart = visiting.indexOf(plugin.id)
    if (loopStart >= 0) {
      const cycle = [...visiting.slice(loopStart), plugin.id]
      throw new CxError(
        'CXKIT_PLUGIN_DEPENDENCY_CYCLE',
        `plugins depend on each other in a cycle: ${cycle.join(' → ')}`,
        {
          details: { cycle },
        },
      )
    }
    visiting.push(plugin.id)
    for (const dependency of plugin.dependsOn) visit(byId.get(dependency)!)
    visiting.pop()
    done.add(plugin.id)
    ordered.push(plugin)
  }
  for (const plugin of plugins) visit(plugin)
  return ordered
}
