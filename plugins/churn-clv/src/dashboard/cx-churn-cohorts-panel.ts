import { CxPanel } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { CohortResponse } from '../cohorts/cohort-schema.js'
import { observationEnd } from './observation-end.js'

type Cohort = CohortResponse['cohorts'][number]

/** The months of a dashboard period [from, to) as `YYYY-MM`: the first and the last month it touches. */
export function periodMonths(from: string, to: string): { from: string; to: string } {
  const last = new Date(new Date(to.length === 10 ? `${to}T00:00:00Z` : to).getTime() - 1)
  return { from: from.slice(0, 7), to: last.toISOString().slice(0, 7) }
}

/**
 * The cohort retention heatmap: a row per month of first purchase in the dashboard's period, a column per
 * month since, each cell the share of the cohort buying in that month with its n and 95 % interval. A
 * month still running is marked; months to come and cohorts without customers have no cells.
 */
@customElement('cx-churn-cohorts-panel')
export class CxChurnCohortsPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; }
      table { border-collapse: separate; border-spacing: 2px; font-size: 0.8rem; }
      th { color: var(--_muted); font-weight: 600; text-align: left; padding: 4px 6px; white-space: nowrap; }
      td { min-width: 52px; padding: 4px 6px; border-radius: 4px; text-align: right; font-variant-numeric: tabular-nums; }
      td.n { color: var(--_muted); }
      /* Five steps of one colour: classes, since the content security policy refuses inline styles. */
      td.g0 { background: color-mix(in srgb, var(--_primary) 8%, transparent); }
      td.g1 { background: color-mix(in srgb, var(--_primary) 25%, transparent); }
      td.g2 { background: color-mix(in srgb, var(--_primary) 45%, transparent); }
      td.g3 { background: color-mix(in srgb, var(--_primary) 70%, transparent); color: #fff; }
      td.g4 { background: var(--_primary); color: #fff; }
      td.partial { outline: 1px dashed var(--_border); }
      td.empty { color: var(--_muted); text-align: left; font-style: italic; }
      p { color: var(--_muted); font-size: 0.85rem; }
    `,
  ]

  private readonly matrix = new Task(this, {
    task: async ([workspace, from, to], { signal }) => {
      if (!workspace || !from || !to) return null
      const months = periodMonths(from, to)
      const query = new URLSearchParams({ workspace, ...months, asOf: observationEnd(to) })
      return this.api.get<CohortResponse>(`/api/churn-clv/cohorts?${query}`, signal)
    },
    args: () => [this.workspace, this.period.from, this.period.to] as const,
  })

  private row(cohort: Cohort, width: number) {
    if (cohort.n === 0) {
      return html`<tr data-cohort=${cohort.month}><th scope="row">${cohort.month}</th><td class="n">0</td>
        <td class="empty" colspan=${Math.max(1, width)}>${this.t('churn-clv:emptyCohort')}</td></tr>`
    }
    return html`<tr data-cohort=${cohort.month}>
      <th scope="row">${cohort.month}</th>
      <td class="n">${this.i18n.number(cohort.n, 0)}</td>
      ${cohort.cells.map((cell) => {
        const interval = cell.interval
          ? ` · 95%: ${this.i18n.percent(cell.interval.lower, 0)}–${this.i18n.percent(cell.interval.upper, 0)}`
          : ''
        const partial = cell.complete ? '' : ` · ${this.t('churn-clv:partial')}`
        return html`<td class="g${Math.min(4, Math.floor(cell.value * 5))} ${cell.complete ? '' : 'partial'}"
          data-offset=${cell.offset} data-active=${cell.active}
          title=${`${cell.active} / ${cell.n}${interval}${partial}`}>${this.i18n.percent(cell.value, 0)}</td>`
      })}
    </tr>`
  }

  private table(answer: CohortResponse) {
    if (answer.cohorts.length === 0) return html`<p>${this.t('churn-clv:noCohorts')}</p>`
    const width = Math.max(0, ...answer.cohorts.map((c) => c.cells.length))
    return html`<div class="scroll"><table aria-label=${this.t('churn-clv:cohortTable')}>
      <thead><tr>
        <th>${this.t('churn-clv:cohort')}</th><th>n</th>
        ${Array.from({ length: width }, (_, k) => html`<th>${this.t('churn-clv:monthOffset', { k })}</th>`)}
      </tr></thead>
      <tbody>${answer.cohorts.map((cohort) => this.row(cohort, width))}</tbody>
    </table></div>`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading}>
      ${this.matrix.render({
        pending: () => html`<p>${this.t('panel.loading')}</p>`,
        complete: (answer) => (answer ? this.table(answer) : nothing),
        error: (error) =>
          html`<cx-panel-error plugin="churn-clv" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-churn-cohorts-panel': CxChurnCohortsPanel
  }
}
