import type { MetricResult } from '@cxkit/core'
import { Task } from '@lit/task'
import { css, html } from 'lit'
import { property } from 'lit/decorators.js'
import { CxPanel } from './cx-panel-base.js'
import './cx-breakdown-table.js'
import './cx-metric-card.js'
import './cx-panel.js'
import './cx-panel-error.js'

/**
 * A ready-made panel for one metric: the headline with its interval, and a breakdown table.
 * Subclass it and set `metric`, `unit` and `breakdownBy`; the dashboard does the rest.
 *
 * @example
 * @customElement('cx-nps-panel')
 * export class CxNpsPanel extends CxMetricPanel { override metric = 'nps'; override unit = 'score' as const }
 */
export class CxMetricPanel extends CxPanel {
  static override styles = [...CxPanel.styles, css`:host { display: block; } cx-breakdown-table { margin-top: 12px; } .formula { color: var(--_muted); font-size: 0.75rem; margin-top: 6px; }`]

  metric = ''
  unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  /** Grouping of the breakdown table; empty for none. */
  breakdownBy = 'touchpoint'
  /** The formula in words, shown under the value. */
  formula: Record<string, string> | null = null
  @property({ type: Number }) accessor target: number | null = null

  private readonly data = new Task(this, {
    task: async ([workspace, from, to], { signal }): Promise<{ total: MetricResult; breakdown: MetricResult['breakdown'] } | null> => {
      if (!workspace || !from || !to) return null
      const request = { workspace, from, to }
      const [total, grouped, names] = await Promise.all([
        this.api.metric(this.metric, { ...request, compare: 'previous' }, signal),
        this.breakdownBy ? this.api.metric(this.metric, { ...request, groupBy: this.breakdownBy }, signal) : Promise.resolve(null),
        this.breakdownBy === 'touchpoint' ? this.touchpointNames(workspace, signal) : Promise.resolve(new Map<string, string>()),
      ])
      // Touchpoints read by name; the id stays the key.
      const breakdown = (grouped?.breakdown ?? []).map((row) => ({ ...row, key: names.get(row.key) ?? row.key }))
      return { total, breakdown }
    },
    args: () => [this.workspace, this.period.from, this.period.to] as const,
  })

  private async touchpointNames(workspace: string, signal: AbortSignal): Promise<Map<string, string>> {
    const touchpoints = await this.api.get<{ id: string; name: string }[]>(`/api/workspaces/${encodeURIComponent(workspace)}/touchpoints`, signal)
    return new Map(touchpoints.map((tp) => [tp.id, tp.name]))
  }

  override render() {
    return html`<cx-panel heading=${this.heading || this.metric}>
      ${this.data.render({
        pending: () => html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        complete: (data) =>
          data
            ? html`<cx-metric-card unit=${this.unit} locale=${this.locale} .result=${data.total} .target=${this.target}></cx-metric-card>
                ${this.formula ? html`<div class="formula">${this.formula[this.locale] ?? this.formula.en}</div>` : ''}
                ${data.breakdown?.length
                  ? html`<cx-breakdown-table unit=${this.unit} locale=${this.locale} groupBy=${this.breakdownBy} .rows=${data.breakdown}></cx-breakdown-table>`
                  : ''}`
            : html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        error: (error) => html`<cx-panel-error locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel>`
  }
}
