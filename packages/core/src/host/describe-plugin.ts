import { type MetricDirection, type MetricUnit, metricFormula } from '../contracts/define-metric.js'
import type { PluginDefinition } from '../contracts/define-plugin.js'
import type { DashboardPageDefinition, DashboardPanelDefinition } from '../contracts/plugin-dashboard.js'
import type { LocalizedText } from '../contracts/localized-text.js'

export interface MetricDescription {
  id: string
  plugin: string
  label: LocalizedText
  description?: LocalizedText
  /** The formula in words for the plugin's settings; a workspace's own is in `/api/metrics/:id/settings`. */
  formula?: LocalizedText
  unit: MetricUnit
  direction: MetricDirection
  groupBy: string[]
  filters: string[]
  /** Whether a workspace may change this metric's workspace settings (`/api/metrics/:id/settings`). */
  configurable: boolean
}

export interface PluginDescription {
  id: string
  version: string
  description?: LocalizedText
  dependsOn: string[]
  metrics: MetricDescription[]
  // `panels` and `pages` are the plugin's dashboard panels and pages: the `/api/plugins` JSON keeps these names.
  panels: (DashboardPanelDefinition & { plugin: string })[]
  pages: (DashboardPageDefinition & { plugin: string })[]
  touchpoints: { id: string; label: LocalizedText; channel: string; defaultStage: string }[]
  hasRoutes: boolean
}

/** The JSON-safe view of a plugin that the API and the dashboard read. */
export function describePlugin(plugin: PluginDefinition): PluginDescription {
  return {
    id: plugin.id,
    version: plugin.version,
    description: plugin.description,
    dependsOn: [...plugin.dependsOn],
    metrics: plugin.metrics.map((metric) => ({
      id: metric.id,
      plugin: plugin.id,
      label: metric.label,
      description: metric.description,
      formula: metricFormula(metric, metric.workspaceSettingsDefaults ?? {}),
      unit: metric.unit,
      direction: metric.direction,
      groupBy: [...metric.groupBy],
      filters: [...metric.filters],
      configurable: Boolean(metric.workspaceSettingsSchema),
    })),
    panels: (plugin.dashboard?.panels ?? []).map((panel) => ({ ...panel, plugin: plugin.id })),
    pages: (plugin.dashboard?.pages ?? []).map((page) => ({ ...page, plugin: plugin.id })),
    touchpoints: plugin.touchpoints.map((tp) => ({
      id: tp.id,
      label: tp.label,
      channel: tp.channel,
      defaultStage: tp.defaultStage,
    })),
    hasRoutes: Boolean(plugin.routes),
  }
}
