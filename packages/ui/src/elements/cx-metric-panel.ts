import type { MetricBreakdownRow, MetricResult } from '@cxkit/core'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { property, state } from 'lit/decorators.js'
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
  total: MetricResult
  trend: MetricBreakdownRow[]
  breakdown: MetricBreakdownRow[]
}

/**
 * A ready-made panel for one metric: the headline with its interval and the change against the
 * previous period, a trend with its interval band, and a breakdown that sorts and drills down
 * (touchpoint → segment → channel). Subclass it and set `metric`, `unit` and `breakdownBy`.
 *
 * @example
 * @customElement('cx-nps-panel')
 * export class CxNpsPanel extends CxMetricPanel { override metric = 'nps'; override unit = 'score' as const }
 */
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

  metric = ''
  unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  /** Grouping of the breakdown table; empty for none. */
  breakdownBy = 'touchpoint'
  /** The formula in words, shown under the value. */
  formula: Record<string, string> | null = null
  @property({ type: Number }) accessor target: number | null = null
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
    task: async ([workspace, from, to, drill], { signal }): Promise<PanelData | null> => {
      if (!workspace || !from || !to) return null
      const filters = Object.fromEntries(drill.map((step) => [step.dimension, step.key]))
      const request = { workspace, from, to, filters }
      const groupBy = this.groupBy
      const [total, trend, grouped, names] = await Promise.all([
        this.api.metric(this.metric, { ...request, compare: 'previous' }, signal),
        this.api.metric(this.metric, { ...request, groupBy: this.trendUnit }, signal),
        groupBy ? this.api.metric(this.metric, { ...request, groupBy }, signal) : Promise.resolve(null),
        groupBy === 'touchpoint' ? this.touchpointNames(workspace, signal) : Promise.resolve(new Map<string, string>()),
      ])
      // Touchpoints read by name; `keys` keeps the id for drilling down.
      const breakdown = (grouped?.breakdown ?? []).map((row) => ({ ...row, key: names.get(row.key) ?? row.key }))
      return { total, trend: trend.breakdown ?? [], breakdown }
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.drill] as const,
  })

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

  override render() {
    return html`<cx-panel-frame heading=${this.heading || this.metric}>
      ${this.data.render({
        pending: () => html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        complete: (data) =>
          data
            ? html`<cx-metric-card unit=${this.unit} locale=${this.locale} .result=${data.total} .trend=${data.trend} .target=${this.target}></cx-metric-card>
                ${this.formula ? html`<div class="formula">${this.formula[this.locale] ?? this.formula.en}</div>` : nothing}
                ${this.renderDetails(Object.fromEntries(this.drill.map((step) => [step.dimension, step.key])))}
                ${data.trend.length > 1 ? html`<cx-trend-chart .rows=${data.trend} unit=${this.unit} height="110"></cx-trend-chart>` : nothing}
                <div class="tools">${this.renderCrumbs() || html`<span></span>`}<button class="csv" @click=${() => this.downloadCsv(data)}>CSV</button></div>
                ${
                  data.breakdown.length
                    ? html`<cx-breakdown-table
                      unit=${this.unit}
                      locale=${this.locale}
                      groupBy=${this.groupBy}
                      ?drillable=${Boolean(drillPath[this.groupBy])}
                      .rows=${data.breakdown}
                      @cx-drill=${this.onDrill}
                    ></cx-breakdown-table>`
                    : nothing
                }`
            : html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        error: (error) =>
          html`<cx-panel-error locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}
