import type { LocalizedText } from './localized-text.js'

/** A metric card (or any other panel) a plugin adds to the dashboard: a custom element of its dashboard module. */
export interface DashboardPanelDefinition {
  readonly tag: `${string}-${string}`
  readonly title: LocalizedText
  /** The metric the panel shows, if any; the dashboard passes it the current workspace and period. */
  readonly metric?: string
  readonly size?: 'small' | 'wide'
  /** JSON-safe values set on the element as properties (a target line, say); never secrets. */
  readonly props?: Readonly<Record<string, string | number | boolean | null>>
}

/** A page of its own in the dashboard (a survey builder, a journey map), shown in the navigation. */
export interface DashboardPageDefinition {
  /** The page's address: `#/p/<path>`. */
  readonly path: string
  readonly tag: `${string}-${string}`
  readonly title: LocalizedText
}

/**
 * What a plugin adds to the dashboard: the module that defines its elements, its panels and its pages.
 *
 * @example
 * const dashboard: PluginDashboard = {
 *   module: '@cxkit/plugin-nps/dashboard',
 *   panels: [{ tag: 'cx-nps-panel', title: { en: 'Net Promoter Score' }, metric: 'nps' }],
 * }
 */
export interface PluginDashboard {
  /** Module specifier the dashboard build imports to define the tags, e.g. `@cxkit/plugin-nps/dashboard`. */
  readonly module: string
  readonly panels?: readonly DashboardPanelDefinition[]
  readonly pages?: readonly DashboardPageDefinition[]
}
