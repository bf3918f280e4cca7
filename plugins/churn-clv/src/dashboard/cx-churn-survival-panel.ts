import { CxPanel } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing, svg } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { SurvivalResponse } from '../survival/survival-schema.js'
import { observationEnd } from './observation-end.js'
import { bandPolygon, type PlotBox, stepPath } from './survival-path.js'

const splits = ['segment', 'region', 'plan', ''] as const
const box: PlotBox = { width: 560, height: 220, maxTime: 0 }

/**
 * Kaplan–Meier curves of customer lifetimes (from purchases, with the inactivity rule), one per segment
 * or other split, each with its 95 % band; the median lifetimes with their intervals and the log-rank
 * test between the groups. Colours come from classes: the content security policy refuses inline styles.
 */
@customElement('cx-churn-survival-panel')
export class CxChurnSurvivalPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      label { font-size: 0.85rem; color: var(--_muted); display: inline-flex; gap: 6px; align-items: center; }
      p { color: var(--_muted); font-size: 0.85rem; }
      svg { width: 100%; height: auto; overflow: visible; }
      .axis { stroke: var(--_border); fill: none; }
      .tick { fill: var(--_muted); font-size: 11px; }
      .s0 { --c: #1f77b4; } .s1 { --c: #d62728; } .s2 { --c: #2ca02c; }
      .s3 { --c: #9467bd; } .s4 { --c: #ff7f0e; } .s5 { --c: #8c564b; }
      .band { fill: var(--c); stroke: none; opacity: 0.18; }
      .curve { fill: none; stroke: var(--c); stroke-width: 2; }
      table { border-collapse: collapse; font-size: 0.85rem; margin-top: 8px; }
      th, td { text-align: left; padding: 4px 10px 4px 0; font-variant-numeric: tabular-nums; }
      th { color: var(--_muted); font-weight: 600; }
      .swatch { background: var(--c); display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
    `,
  ]

  /** Days without a purchase after which a customer counts as churned. */
  @property({ type: Number }) accessor inactivityDays = 90
  @state() private accessor by: (typeof splits)[number] = 'segment'
  @state() private accessor source: 'purchases' | 'subscriptions' = 'purchases'

  private readonly survival = new Task(this, {
    task: async ([workspace, to, by, days, source], { signal }) => {
      if (!workspace || !to) return null
      const query = new URLSearchParams({ workspace, asOf: observationEnd(to), inactivityDays: String(days), source })
      if (by) query.set('by', by)
      return this.api.get<SurvivalResponse>(`/api/churn-clv/survival?${query}`, signal)
    },
    args: () => [this.workspace, this.period.to, this.by, this.inactivityDays, this.source] as const,
  })

  private groupName(key: string | null, answer: SurvivalResponse): string {
    if (answer.by === null) return this.t('churn-clv:allCustomers')
    return key ?? this.t('churn-clv:noValue')
  }

  private days(value: number | null): string {
    return value === null
      ? this.t('churn-clv:notReached')
      : this.t('churn-clv:daysValue', { days: this.i18n.number(value, 0) })
  }

  private chart(answer: SurvivalResponse) {
    const maxTime = Math.max(1, ...answer.groups.flatMap((g) => g.steps.map((s) => s.time)))
    const plot = { ...box, maxTime }
    const ticks = [0, 0.25, 0.5, 0.75, 1]
    return html`<svg viewBox="-44 -8 ${box.width + 60} ${box.height + 44}" role="img"
        aria-label=${this.t('churn-clv:survivalChart', { by: answer.by ?? '–' })}>
      ${ticks.map(
        (share) =>
          svg`<text class="tick" x="-8" y=${(1 - share) * box.height + 4} text-anchor="end">${this.i18n.percent(share, 0)}</text>`,
      )}
      <path class="axis" d="M0,0 V${box.height} H${box.width}"></path>
      <text class="tick" x="0" y=${box.height + 16}>0</text>
      <text class="tick" x=${box.width} y=${box.height + 16} text-anchor="end">${this.i18n.number(maxTime, 0)}</text>
      <text class="tick" x=${box.width / 2} y=${box.height + 34} text-anchor="middle">${this.t('churn-clv:days')}</text>
      ${answer.groups.slice(0, 6).map(
        (group, index) => svg`<g data-group=${group.key ?? ''}>
          <polygon class="band s${index}" points=${bandPolygon(group.steps, plot)}></polygon>
          <path class="curve s${index}" d=${stepPath(group.steps, plot)}></path>
        </g>`,
      )}
    </svg>`
  }

  private legend(answer: SurvivalResponse) {
    return html`<table>
      <thead><tr>
        <th>${this.t('churn-clv:group')}</th><th>${this.t('churn-clv:customers')}</th>
        <th>${this.t('churn-clv:churned')}</th><th>${this.t('churn-clv:median')}</th>
      </tr></thead>
      <tbody>
        ${answer.groups.map(
          (group, index) => html`<tr data-group=${group.key ?? ''}>
            <td><span class="swatch s${index % 6}"></span>${this.groupName(group.key, answer)}</td>
            <td>${this.i18n.number(group.n, 0)}</td>
            <td>${this.i18n.number(group.events, 0)}</td>
            <td class="median">${this.days(group.median.median)}
              (${this.days(group.median.lower)} – ${this.days(group.median.upper)})</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="log-rank">${
      answer.logRank?.chiSquare != null && answer.logRank.pValue != null
        ? this.t('churn-clv:logRank', {
            chi: this.i18n.number(answer.logRank.chiSquare, 2),
            df: answer.logRank.degreesOfFreedom,
            p: this.i18n.number(answer.logRank.pValue, 3),
          })
        : this.t('churn-clv:noTest')
    }</p>`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading}>
      <label>${this.t('churn-clv:splitBy')}
        <select name="by" @change=${(e: Event) => (this.by = (e.target as HTMLSelectElement).value as typeof this.by)}>
          ${splits.map((by) => html`<option value=${by} ?selected=${by === this.by}>${this.t(`churn-clv:by.${by || 'none'}`)}</option>`)}
        </select>
      </label>
      <label>${this.t('churn-clv:source')}
        <select name="source" @change=${(e: Event) => (this.source = (e.target as HTMLSelectElement).value as typeof this.source)}>
          ${(['purchases', 'subscriptions'] as const).map(
            (source) =>
              html`<option value=${source} ?selected=${source === this.source}>${this.t(`churn-clv:source.${source}`)}</option>`,
          )}
        </select>
      </label>
      ${this.survival.render({
        pending: () => html`<p>${this.t('panel.loading')}</p>`,
        complete: (answer) => {
          if (!answer) return nothing
          const asOf = answer.asOf.slice(0, 10)
          if (answer.groups.length === 0) return html`<p>${this.t('churn-clv:noLifetimes', { asOf })}</p>`
          const rule =
            answer.inactivityDays === null
              ? this.t('churn-clv:fromSubscriptions', { asOf })
              : this.t('churn-clv:inactivity', { days: answer.inactivityDays, asOf })
          return html`<p>${rule}</p>
            ${this.chart(answer)} ${this.legend(answer)}`
        },
        error: (error) =>
          html`<cx-panel-error plugin="churn-clv" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-churn-survival-panel': CxChurnSurvivalPanel
  }
}
