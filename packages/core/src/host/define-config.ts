import type { PluginDefinition } from '../contracts/define-plugin.js'
import type { Locale } from '../contracts/localized-text.js'

/** What an app's `cxkit.config.ts` exports. */
export interface CxkitConfig {
  plugins: readonly (PluginDefinition | false | null | undefined)[]
  /**
   * The dashboard's language until a user picks one. Left out, each browser's own language decides
   * (Dutch or English, else English).
   */
  locale?: Locale
  branding?: {
    productName?: string
    /** CSS custom properties applied to the dashboard, e.g. `{ '--cx-color-primary': '#0b7a75' }`. */
    cssVars?: Record<`--${string}`, string>
  }
}

type Listed<T extends CxkitConfig> = Extract<T['plugins'][number], PluginDefinition>
type IdOf<P> = P extends PluginDefinition<infer TId, any, any, any> ? TId : never
type DependenciesOf<P> = P extends PluginDefinition<string, any, any, infer TDependency> ? TDependency : never

/** Ids some listed plugin depends on that the list does not hold. */
export type MissingPlugins<T extends CxkitConfig> = Exclude<DependenciesOf<Listed<T>>, IdOf<Listed<T>>>

/**
 * Types an app config. Plain data: it is read by the server, the dashboard build and the CLI.
 * A plugin listed without one it depends on fails to compile, naming the missing id in
 * `missingPlugins` (the host would refuse the config at start).
 *
 * @example
 * export default defineConfig({ plugins: [surveysPlugin(), npsPlugin()], locale: 'nl' })
 */
export function defineConfig<const T extends CxkitConfig>(
  config: T & ([MissingPlugins<T>] extends [never] ? unknown : { missingPlugins: MissingPlugins<T> }),
): T {
  return config
}
