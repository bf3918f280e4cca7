import type { LocalizedText, MetricBreakdownRow, MetricResult } from '@cxkit/core'
import { consume } from '@lit/context'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { MetricDescription, PluginDescription } from '../api/api-client.js'
import { registryContext } from '../context/dashboard-context.js'
import { localizeText } from '../i18n/localize-text.js'
import { breakdownCsv } from './breakdown-csv.js'
import { CxPanel } from './cx-panel-base.js'
import './cx-breakdown-table.js'
import './cx-metric-card.js'
import './cx-panel-frame.js'
import './cx-panel-error.js'
import './cx-trend-chart.js'

/** Where a drill-down goes next from each dimension. */
const drillPath: Record<string, string> = {
  touchpoint: 'segment',
  stage: 'touchpoint',
  segment: 'channel',
  channel: 'locale',
}

interface PanelData {
  metric: MetricDescription
  /** The formula for the workspace's settings, else the registry's. */
  formula: LocalizedText | undefined
  total: MetricResult
  trend: MetricBreakdownRow[]
  breakdown: MetricBreakdownRow[]
}

/**
 * A ready-made panel for one metric: the headline with its interval and the change against the
 * previous period, a trend with its interval band, and a breakdown that sorts and drills down
 * (touchpoint → segment → channel). Unit, direction, label and formula come from the registry (the
 * shell's `registryContext`, or `GET /api/plugins` when mounted on its own), and the formula follows the
 * workspace's settings. A plugin names it in its panels with `metric`; subclass it only to add
 * something (`renderDetails`).
 *
 * @example
 * html`<cx-metric-panel metric="csat" breakdownBy="touchpoint"></cx-metric-panel>`
 */
@customElement('cx-metric-panel')
export class CxMetricPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      cx-trend-chart { margin-top: 10px; }
      cx-breakdown-table { margin-top: 8px; }
      .formula { color: var(--_muted); font-size: 0.75rem; margin-top: 6px; }
      .tools { display: flex; justify-content: space-between; align-items: center; margin-top: 10px; font-size: 0.8rem; }
      .crumbs button, .tools .csv { all: unset; cursor: pointer; color: var(--_primary); }
      .crumbs button:focus-visible, .tools .csv:focus-visible { outline: 2px solid var(--_primary); }
    `,
  ]

  /** The metric's id in the registry. */
  @property({ reflect: true }) accessor metric = ''
  /** Grouping of the breakdown table; empty for none. */
  @property() accessor breakdownBy = 'touchpoint'
  /** An optional target in the metric's unit. */
  @property({ type: Number }) accessor target: number | null = null
  /** The enabled plugins and their metrics; the shell provides it, a panel on its own asks the API. */
  @consume({ context: registryContext, subscribe: true })
  @property({ attribute: false })
  accessor registry: readonly PluginDescription[] | null = null
  /** The drill-down so far: each step filters one dimension to one value. */
  @state() private accessor drill: { dimension: string; key: string; label: string }[] = []

  private get groupBy(): string {
    const last = this.drill.at(-1)
    return last ? (drillPath[last.dimension] ?? '') : this.breakdownBy
  }

  private get trendUnit(): 'week' | 'month' {
    const days = (Date.parse(this.period.to) - Date.parse(this.period.from)) / 86_400_000
    return days <= 120 ? 'week' : 'month'
  }

  private readonly data = new Task(this, {
    task: async ([workspace, from, to, drill, id, registry], { signal }): Promise<PanelData | null> => {
      if (!workspace || !from || !to || !id) return null
      const filters = Object.fromEntries(drill.map((step) => [step.dimension, step.key]))
      const request = { workspace, from, to, filters }
      const metric = await this.describe(id, registry, signal)
      // Ask only for the groupings the registry says the metric offers: anything else is a 400.
      const trendUnit = metric.groupBy.includes(this.trendUnit) ? this.trendUnit : ''
      const groupBy = metric.groupBy.includes(this.groupBy) ? this.groupBy : ''
      const [total, trend, grouped, names, formula] = await Promise.all([
        this.api.metric(id, { ...request, compare: 'previous' }, signal),
        trendUnit ? this.api.metric(id, { ...request, groupBy: trendUnit }, signal) : Promise.resolve(null),
        groupBy ? this.api.metric(id, { ...request, groupBy }, signal) : Promise.resolve(null),
        groupBy === 'touchpoint' ? this.touchpointNames(workspace, signal) : Promise.resolve(new Map<string, string>()),
        metric.configurable ? this.workspaceFormula(id, workspace, signal) : Promise.resolve(undefined),
      ])
      // Touchpoints read by name; `keys` keeps the id for drilling down.
      const breakdown = (grouped?.breakdown ?? []).map((row) => ({ ...row, key: names.get(row.key) ?? row.key }))
      return { metric, formula: formula ?? metric.formula, total, trend: trend?.breakdown ?? [], breakdown }
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.drill, this.metric, this.registry] as const,
  })

  /** The metric as the registry describes it: unit, direction, label, formula. */
  private async describe(
    id: string,
    registry: readonly PluginDescription[] | null,
    signal: AbortSignal,
  ): Promise<MetricDescription> {
    const plugins = registry ?? (await this.api.plugins())
    signal.throwIfAborted()
    const metric = plugins.flatMap((plugin) => plugin.metrics).find((candidate) => candidate.id === id)
    if (!metric) throw new Error(this.t('panel.unknownMetric', { metric: id }))
    return metric
  }

  /** The formula with the workspace's settings in force (a CSAT box count it changed, say). */
  private async workspaceFormula(id: string, workspace: string, signal: AbortSignal) {
    const settings = await this.api.get<{ formula?: LocalizedText }>(
      `/api/metrics/${encodeURIComponent(id)}/settings?workspace=${encodeURIComponent(workspace)}`,
      signal,
    )
    return settings.formula
  }

  private async touchpointNames(workspace: string, signal: AbortSignal): Promise<Map<string, string>> {
    const touchpoints = await this.api.get<{ id: string; name: string }[]>(
      `/api/workspaces/${encodeURIComponent(workspace)}/touchpoints`,
      signal,
    )
    return new Map(touchpoints.map((tp) => [tp.id, tp.name]))
  }

  private onDrill(event: CustomEvent<{ key: string; label: string }>) {
    const dimension = this.groupBy
    if (!drillPath[dimension]) return
    this.drill = [...this.drill, { dimension, key: event.detail.key, label: event.detail.label }]
  }

  private downloadCsv(data: PanelData) {
    const blob = new Blob([breakdownCsv(this.metric, data.total, data.breakdown)], { type: 'text/csv;charset=utf-8' })
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(blob),
      download: `${this.metric}-${this.period.from}-${this.period.to}.csv`,
    })
    link.click()
    URL.revokeObjectURL(link.href)
  }

  /** Room for a subclass to show more under the headline (a distribution, say), for the same filters. */
  protected renderDetails(_filters: Record<string, string>): unknown {
    return nothing
  }

  private renderCrumbs() {
    if (this.drill.length === 0) return nothing
    return html`<span class="crumbs">
      <button @click=${() => (this.drill = [])}>${this.t('drill.all')}</button>
      ${this.drill.map((step, index) => html` › <button @click=${() => (this.drill = this.drill.slice(0, index + 1))}>${step.label}</button>`)}
    </span>`
  }

  private headingFor(metric: MetricDescription | undefined): string {
    return this.heading || (metric ? localizeText(metric.label, this.locale) : this.metric)
  }

  override render() {
    const loaded = this.data.value ?? undefined
    return html`<cx-panel-frame heading=${this.headingFor(loaded?.metric)}>
      ${this.data.render({
        pending: () => html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        complete: (data) =>
          data ? this.renderData(data) : html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        error: (error) =>
          html`<cx-panel-error locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }

  private renderData(data: PanelData) {
    const { unit, direction } = data.metric
    return html`<cx-metric-card unit=${unit} direction=${direction} locale=${this.locale} .result=${data.total} .trend=${data.trend} .target=${this.target}></cx-metric-card>
                ${data.formula ? html`<div class="formula">${localizeText(data.formula, this.locale)}</div>` : nothing}
                ${this.renderDetails(Object.fromEntries(this.drill.map((step) => [step.dimension, step.key])))}
                ${data.trend.length > 1 ? html`<cx-trend-chart .rows=${data.trend} unit=${unit} height="110"></cx-trend-chart>` : nothing}
                <div class="tools">${this.renderCrumbs() || html`<span></span>`}<button class="csv" @click=${() => this.downloadCsv(data)}>CSV</button></div>
                ${
                  data.breakdown.length
                    ? html`<cx-breakdown-table
                      unit=${unit}
                      locale=${this.locale}
                      groupBy=${this.groupBy}
                      ?drillable=${Boolean(drillPath[this.groupBy])}
                      .rows=${data.breakdown}
                      @cx-drill=${this.onDrill}
                    ></cx-breakdown-table>`
                    : nothing
                }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-metric-panel': CxMetricPanel
  }
}
