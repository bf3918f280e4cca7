import type { PluginDefinition } from '../contracts/define-plugin.js'
import type { Locale } from '../contracts/localized-text.js'

/** What an app's `cxkit.config.ts` exports. */
export interface CxkitConfig {
  plugins: readonly (PluginDefinition | false | null | undefined)[]
  /** Default UI language of the dashboard. */
  locale?: Locale
  branding?: {
    productName?: string
    /** CSS custom properties applied to the dashboard, e.g. `{ '--cx-color-primary': '#0b7a75' }`. */
    cssVars?: Record<`--${string}`, string>
  }
}

/**
 * Types an app config. Plain data: it is read by the server, the dashboard build and the CLI.
 *
 * @example
 * export default defineConfig({ plugins: [renewalRatePlugin()], locale: 'nl' })
 */
export function defineConfig<const T extends CxkitConfig>(config: T): T {
  return config
}
