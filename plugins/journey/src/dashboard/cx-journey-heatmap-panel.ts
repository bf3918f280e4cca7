import { CxPanel, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ScoreCell, TouchpointScores } from '../schema.js'
import { formatScore, goodness } from './format-score.js'
import './analysis/analysis-messages.js'
import { responsesLink, touchpointLink } from './analysis/touchpoint-link.js'

/**
 * A stage × touchpoint heatmap of one metric (any that groups by touchpoint): stages in the workspace's
 * order as columns with their own value, touchpoints as rows in their stage's column, coloured from the
 * worst to the best touchpoint. A touchpoint without answers shows as such, with n = 0.
 */
@customElement('cx-journey-heatmap-panel')
export class CxJourneyHeatmapPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      button.link { background: none; border: 0; padding: 0; font: inherit; color: var(--_primary); text-decoration: underline; cursor: pointer; }
      button.link:focus-visible { outline: 2px solid var(--_primary); outline-offset: 2px; }
      label { font-size: 0.85rem; color: var(--_muted); display: inline-flex; gap: 6px; align-items: center; margin-bottom: 10px; }
      .scroll { overflow-x: auto; }
      table { border-collapse: separate; border-spacing: 3px; font-size: 0.85rem; }
      th { text-align: left; font-weight: 600; color: var(--_muted); padding: 4px 8px; vertical-align: bottom; }
      th.row { color: var(--_text); font-weight: 500; white-space: nowrap; }
      td { min-width: 84px; padding: 6px 8px; border-radius: 6px; font-variant-numeric: tabular-nums; }
      td.score { color: #fff; }
      /* Five steps from worst to best: classes, since the content security policy refuses inline styles. */
      td.g0 { background: var(--_bad); }
      td.g1 { background: color-mix(in srgb, var(--_good) 25%, var(--_bad)); }
      td.g2 { background: color-mix(in srgb, var(--_good) 50%, var(--_bad)); }
      td.g3 { background: color-mix(in srgb, var(--_good) 75%, var(--_bad)); }
      td.g4 { background: var(--_good); }
      td.score.none { background: transparent; border: 1px dashed var(--_border); color: var(--_muted); }
      td.score button.link { display: block; color: inherit; font-size: 0.75rem; }
      .value { font-weight: 600; display: block; }
      .n { font-size: 0.75rem; opacity: 0.85; }
      .stage-value { display: block; font-weight: 400; font-size: 0.75rem; }
      p { color: var(--_muted); font-size: 0.85rem; }
    `,
  ]

  /**
   * Touchpoint names link to their latest events and cells to their survey responses (the Journey page
   * listens for `journey-touchpoint` and `journey-responses`).
   */
  @property({ type: Boolean }) accessor linked = false
  /** The metric shown first (a registry panel's `props.metric`); the reader may pick another. */
  @property() accessor metric = ''
  @state() private accessor chosen = ''

  private readonly metrics = new Task(this, {
    task: async ([api]) => {
      const plugins = await api.plugins()
      return plugins.flatMap((plugin) => plugin.metrics).filter((metric) => metric.groupBy.includes('touchpoint'))
    },
    args: () => [this.api] as const,
  })

  private readonly scores = new Task(this, {
    task: async ([workspace, from, to, metric], { signal }) => {
      if (!workspace || !from || !to || !metric) return null
      const query = new URLSearchParams({ workspace, from, to, metric })
      return this.api.get<TouchpointScores>(`/api/journey/scores?${query}`, signal)
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.shownMetric()] as const,
  })

  private shownMetric(): string {
    const offered = this.metrics.value ?? []
    const wanted = this.chosen || this.metric
    return offered.some((m) => m.id === wanted) ? wanted : (offered[0]?.id ?? '')
  }

  /** A cell's link to the responses behind it, where the Journey page listens. */
  private responses(touchpoint: { id: string; name: string }) {
    if (!this.linked) return nothing
    const label = this.t('journey:links.responsesAt', { name: touchpoint.name })
    return responsesLink(
      this,
      { kind: 'touchpoint', id: touchpoint.id, name: touchpoint.name },
      this.t('journey:links.responsesText'),
      label,
    )
  }

  private cell(scores: TouchpointScores, cell: ScoreCell & { id: string; name: string }, low: number, high: number) {
    if (cell.value === null) {
      return html`<td class="score none" data-n="0"><span class="value">–</span><span class="n">${this.t('journey:noAnswers')} · n = 0</span>${this.responses(cell)}</td>`
    }
    const g = goodness(cell.value, low, high, scores.metric.direction)
    const step = Math.round(g * 4)
    const format = (value: number) => formatScore(this.i18n, value, scores.metric.unit)
    const interval = cell.interval ? `95%: ${format(cell.interval.lower)}–${format(cell.interval.upper)}` : ''
    return html`<td class="score g${step}" data-n=${cell.n} title=${interval}>
      <span class="value">${formatScore(this.i18n, cell.value, scores.metric.unit)}</span>
      <span class="n">n = ${this.i18n.number(cell.n, 0)}</span>${this.responses(cell)}
    </td>`
  }

  private table(scores: TouchpointScores) {
    if (scores.touchpoints.length === 0) return html`<p>${this.t('journey:noWorkspaceTouchpoints')}</p>`
    const values = scores.touchpoints.flatMap((t) => (t.value === null ? [] : [t.value]))
    const [low, high] = [Math.min(...values), Math.max(...values)]
    const columns: (string | null)[] = scores.stages.map((s) => s.id)
    if (scores.touchpoints.some((t) => t.stageId === null)) columns.push(null)
    const stageValue = (cell: ScoreCell) =>
      cell.value === null ? 'n = 0' : `${formatScore(this.i18n, cell.value, scores.metric.unit)} · n = ${cell.n}`
    return html`<div class="scroll"><table>
      <thead><tr>
        <th>${this.t('journey:touchpoint')}</th>
        ${scores.stages.map(
          (s) =>
            html`<th data-stage=${s.id}>${localizeText(s.label, this.locale)}<span class="stage-value">${stageValue(s)}</span></th>`,
        )}
        ${columns.includes(null) ? html`<th>–</th>` : nothing}
      </tr></thead>
      <tbody>
        ${scores.touchpoints.map(
          (t) => html`<tr data-touchpoint=${t.id}>
            <th class="row" scope="row">${this.linked ? touchpointLink(this, t.id, t.name, this.t('journey:links.show', { name: t.name })) : t.name}</th>
            ${columns.map((stage) => (stage === t.stageId ? this.cell(scores, t, low, high) : html`<td></td>`))}
          </tr>`,
        )}
      </tbody>
    </table></div>
    ${scores.withoutTouchpoint.n > 0 ? html`<p>${this.t('journey:withoutTouchpoint', { n: scores.withoutTouchpoint.n })}</p>` : nothing}`
  }

  override render() {
    const offered = this.metrics.value ?? []
    const shown = this.shownMetric()
    return html`<cx-panel-frame heading=${this.heading}>
      ${
        offered.length > 1
          ? html`<label>${this.t('journey:metric')}
              <select name="metric" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
                ${offered.map((m) => html`<option value=${m.id} ?selected=${m.id === shown}>${localizeText(m.label, this.locale)}</option>`)}
              </select></label>`
          : nothing
      }
      ${
        this.metrics.value && offered.length === 0
          ? html`<p>${this.t('journey:noMetric')}</p>`
          : this.scores.render({
              pending: () => html`<p>${this.t('panel.loading')}</p>`,
              complete: (scores) => (scores ? this.table(scores) : nothing),
              error: (error) =>
                html`<cx-panel-error plugin="journey" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
            })
      }
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-heatmap-panel': CxJourneyHeatmapPanel
  }
}
