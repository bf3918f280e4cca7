import { type MetricDirection, type MetricUnit, metricFormula } from '../contracts/define-metric.js'
import type { DashboardPageDefinition, PanelDefinition, PluginDefinition } from '../contracts/define-plugin.js'
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
  /** Whether a workspace may change this metric's settings (`/api/metrics/:id/settings`). */
  configurable: boolean
}

export interface PluginDescription {
  id: string
  version: string
  description?: LocalizedText
  dependsOn: string[]
  metrics: MetricDescription[]
  panels: (PanelDefinition & { plugin: string })[]
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
      formula: metricFormula(metric, plugin.settings),
      unit: metric.unit,
      direction: metric.direction,
      groupBy: [...metric.groupBy],
      filters: [...metric.filters],
      configurable: Boolean(metric.settingsSchema),
    })),
    panels: (plugin.panels?.elements ?? []).map((panel) => ({ ...panel, plugin: plugin.id })),
    pages: (plugin.panels?.pages ?? []).map((page) => ({ ...page, plugin: plugin.id })),
    touchpoints: plugin.touchpoints.map((tp) => ({
      id: tp.id,
      label: tp.label,
      channel: tp.channel,
      defaultStage: tp.defaultStage,
    })),
    hasRoutes: Boolean(plugin.routes),
  }
}
