import { CxDashboardElement, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { MapStage, StageContent } from '../../map-model.js'
import type { TouchpointScores } from '../../schema.js'
import { formatScore } from '../format-score.js'
import { describeFailure } from '../journey-api.js'
import { journeyStyles } from '../journey-styles.js'
import { analysisStyles, emotionChartStyles } from './analysis-styles.js'
import { emotionRows, type EmotionRow } from './emotion-rows.js'
import { knownScale, type ScoreScale } from './emotion-scale.js'
import { renderEmotionChart } from './render-emotion-chart.js'
import './analysis-messages.js'

/**
 * The map's emotion line beside the measured score per stage, on one −2 … +2 scale, so a team sees where
 * its belief and its data disagree: a stage is flagged when the map says positive (or negative) and the
 * score's whole 95 % interval lies on the other side of neutral.
 */
@customElement('cx-journey-emotion-curve')
export class CxJourneyEmotionCurve extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    analysisStyles,
    emotionChartStyles,
    css`
      h2 { font-size: 1.1rem; margin: 0 0 6px; }
      input[type='number'] { width: 6em; }
      tr.disagree th, tr.disagree .verdict { color: var(--_bad); font-weight: 600; }
    `,
  ]

  @property({ attribute: false }) accessor stages: MapStage[] = []
  @property({ attribute: false }) accessor content: StageContent[] = []
  @state() private accessor metric = ''
  /** The scale the reader gave, per metric id. */
  @state() private accessor scales: Record<string, ScoreScale> = {}

  private readonly metrics = new Task(this, {
    task: async ([api]) => {
      const plugins = await api.plugins()
      return plugins.flatMap((plugin) => plugin.metrics).filter((metric) => metric.groupBy.includes('touchpoint'))
    },
    args: () => [this.api] as const,
  })

  /** The reader's metric, else the first whose scale the unit gives (a share), else the first offered. */
  private shownMetric(): string {
    const offered = this.metrics.value ?? []
    if (offered.some((metric) => metric.id === this.metric)) return this.metric
    return (offered.find((metric) => metric.unit === 'ratio') ?? offered[0])?.id ?? ''
  }

  private readonly scores = new Task(this, {
    task: async ([workspace, from, to, metric], { signal }) => {
      if (!workspace || !from || !to || !metric) return null
      const query = new URLSearchParams({ workspace, from, to, metric })
      return this.api.get<TouchpointScores>(`/api/journey/scores?${query}`, signal)
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.shownMetric()] as const,
  })

  private scaleOf(scores: TouchpointScores): ScoreScale | undefined {
    return this.scales[scores.metric.id] ?? knownScale(scores.metric.unit, scores.metric.direction)
  }

  private setScale(metric: string, form: HTMLFormElement) {
    const worst = Number((form.elements.namedItem('worst') as HTMLInputElement).value)
    const best = Number((form.elements.namedItem('best') as HTMLInputElement).value)
    const valid = Number.isFinite(worst) && Number.isFinite(best) && worst !== best
    const { [metric]: _, ...others } = this.scales
    this.scales = valid ? { ...others, [metric]: { worst, best } } : others
  }

  private renderControls(scores: TouchpointScores | null) {
    const offered = this.metrics.value ?? []
    const shown = this.shownMetric()
    const scale = scores ? this.scaleOf(scores) : undefined
    return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}
      @change=${(e: Event) => {
        const target = e.target as HTMLInputElement | HTMLSelectElement
        if (target.name === 'metric') this.metric = target.value
        else this.setScale(shown, e.currentTarget as HTMLFormElement)
      }}>
      ${
        offered.length > 1
          ? html`<label>${this.t('journey:metric')}<select name="metric">
              ${offered.map((m) => html`<option value=${m.id} ?selected=${m.id === shown}>${localizeText(m.label, this.locale)}</option>`)}
            </select></label>`
          : nothing
      }
      <label>${this.t('journey:emotion.worst')}<input type="number" step="any" name="worst" .value=${scale ? String(scale.worst) : ''}></label>
      <label>${this.t('journey:emotion.best')}<input type="number" step="any" name="best" .value=${scale ? String(scale.best) : ''}></label>
    </form>`
  }

  private renderTable(rows: EmotionRow[], scores: TouchpointScores) {
    const format = (value: number) => formatScore(this.i18n, value, scores.metric.unit)
    const emotionText = (value: number | null) =>
      value === null ? this.t('journey:emotion.none') : this.t(`journey:emotion.${value}` as 'journey:emotion.0')
    return html`<div class="scroll"><table class="emotion">
      <thead><tr>
        <th scope="col">${this.t('journey:stage')}</th>
        <th scope="col">${this.t('journey:emotion.belief')}</th>
        <th scope="col">${this.t('journey:emotion.data')}</th>
        <th scope="col"></th>
      </tr></thead>
      <tbody>${rows.map((row) => {
        const score = row.score
        const measured =
          !score || score.value === null
            ? html`<span class="muted">${this.t('journey:emotion.noData')} · n = 0</span>`
            : html`<span class="figure measured">${format(score.value)}${score.interval ? ` (${this.t('metric.ci')} ${format(score.interval.lower)}–${format(score.interval.upper)})` : ''} · n = ${this.i18n.number(score.n, 0)}</span>
              ${row.measured ? html`<span class="muted">· ${this.t('journey:emotion.onScale', { value: this.i18n.number(row.measured.value, 1) })}</span>` : nothing}`
        return html`<tr class=${row.disagree ? 'disagree' : ''} data-stage=${row.stage.id} data-disagree=${row.disagree}>
          <th scope="row">${localizeText(row.stage.label, this.locale)}</th>
          <td>${emotionText(row.belief)}${row.belief === null ? '' : ` (${row.belief > 0 ? '+' : ''}${row.belief})`}</td>
          <td>${measured}</td>
          <td class="verdict">${row.disagree ? html`<span class="flag">⚠ ${this.t('journey:emotion.disagree')}</span>` : nothing}</td>
        </tr>`
      })}</tbody>
    </table></div>`
  }

  private renderResult(scores: TouchpointScores) {
    const scale = this.scaleOf(scores)
    const rows = emotionRows(this.stages, this.content, scores, scale)
    return html`${scale ? nothing : html`<p class="note" role="status">${this.t('journey:emotion.needScale')}</p>`}
      ${renderEmotionChart(this.i18n, this.locale, rows)} ${this.renderTable(rows, scores)}`
  }

  override render() {
    const scores = this.scores.value ?? null
    return html`<section aria-labelledby="emotion-heading">
      <h2 id="emotion-heading">${this.t('journey:emotion.heading')}</h2>
      <p class="note">${this.t('journey:emotion.explain')}</p>
      ${this.metrics.value && this.metrics.value.length === 0 ? html`<p class="note">${this.t('journey:noMetric')}</p>` : this.renderControls(scores)}
      ${this.scores.render({
        pending: () => html`<p class="muted">${this.t('panel.loading')}</p>`,
        complete: (result) => (result ? this.renderResult(result) : nothing),
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('journey:failed', { message: describeFailure(error) })}</p>`,
      })}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-emotion-curve': CxJourneyEmotionCurve
  }
}
