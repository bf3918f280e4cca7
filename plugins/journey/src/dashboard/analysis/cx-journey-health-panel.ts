import { CxPanel, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { PainPoints, TouchpointScores } from '../../schema.js'
import { formatScore } from '../format-score.js'
import { describeFailure } from '../journey-api.js'
import { analysisApi } from './analysis-api.js'
import { analysisStyles } from './analysis-styles.js'
import { formatShare, isUncertain } from './format-share.js'
import { stageHealth, type StageHealth } from './journey-health.js'
import './analysis-messages.js'

/** A funnel takes at most ten steps: the health table follows the first ten stages. */
const maxSteps = 10

/** The survey metric with the most answers in the period: the score that says most about the stages. */
function busiestMetric(painPoints: PainPoints): string | undefined {
  const answered = painPoints.metrics.filter((metric) => metric.n > 0).sort((a, b) => b.n - a.n)
  return answered[0]?.id
}

/**
 * The journey's health at a glance, for the overview: per stage the customers reaching it in the period
 * (from the stage funnel), its score with n, and its worst pain point. Each stage links to the Journey page.
 */
@customElement('cx-journey-health-panel')
export class CxJourneyHealthPanel extends CxPanel {
  static override styles = [...CxPanel.styles, analysisStyles]

  /** The funnel's window (a registry panel's `props.window`). */
  @property() accessor window = '14d'
  /** The score shown (a registry panel's `props.metric`); default: the survey metric with the most answers in the period. */
  @property() accessor metric = ''

  private readonly data = new Task(this, {
    task: async ([workspace, from, to, window, wanted], { signal }) => {
      if (!workspace || !from || !to) return null
      const client = analysisApi(this.api)
      const period = new URLSearchParams({ workspace, from, to })
      const [stages, plugins, painPoints] = await Promise.all([
        client.stages(workspace, signal),
        this.api.plugins(),
        this.api.get<PainPoints>(`/api/journey/pain-points?${period}&limit=100`, signal),
      ])
      const offered = plugins.flatMap((plugin) => plugin.metrics).filter((m) => m.groupBy.includes('touchpoint'))
      const metric = offered.find((m) => m.id === wanted)?.id ?? busiestMetric(painPoints)
      const steps = stages.slice(0, maxSteps).map((stage) => `stage:${stage.id}`)
      const [funnel, scores] = await Promise.all([
        steps.length >= 2 ? client.funnel({ workspace, steps, window, from, to }, signal) : null,
        metric
          ? this.api.get<TouchpointScores>(`/api/journey/scores?${period}&metric=${encodeURIComponent(metric)}`, signal)
          : null,
      ])
      return { rows: stageHealth(stages, funnel, scores, painPoints), scores }
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.window, this.metric] as const,
  })

  private row(health: StageHealth, scores: TouchpointScores | null) {
    const { stage, reached, score, painPoint } = health
    const label = localizeText({ en: stage.labelEn, nl: stage.labelNl ?? undefined }, this.locale)
    return html`<tr data-stage=${stage.id}>
      <th scope="row"><a href="#/p/journey">${label}</a></th>
      <td class=${reached && isUncertain(reached.conversion) ? 'figure reached uncertain' : 'figure reached'} data-reached=${reached?.reached ?? ''}>
        ${reached ? html`${this.i18n.number(reached.reached, 0)} <span class="muted sub">${formatShare(this.i18n, reached.conversion)}</span>` : this.t('journey:health.none')}
      </td>
      <td class="figure score">${
        score && scores && score.value !== null
          ? `${formatScore(this.i18n, score.value, scores.metric.unit)} · n = ${this.i18n.number(score.n, 0)}`
          : `– · n = 0`
      }</td>
      <td class="pain-point" data-touchpoint=${painPoint?.touchpointId ?? ''}>${
        painPoint
          ? html`${painPoint.name} <span class="muted">${localizeText(painPoint.explanation, this.locale)}</span>`
          : this.t('journey:health.none')
      }</td>
    </tr>`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading}>
      ${this.data.render({
        pending: () => html`<p class="muted">${this.t('panel.loading')}</p>`,
        complete: (result) =>
          result
            ? html`<div class="scroll"><table class="health">
                <thead><tr>
                  <th scope="col">${this.t('journey:health.stage')}</th>
                  <th scope="col" class="figure">${this.t('journey:health.reached')}</th>
                  <th scope="col" class="figure">${this.t('journey:health.score')}${result.scores ? html` <span class="muted">(${localizeText(result.scores.metric.label, this.locale)})</span>` : nothing}</th>
                  <th scope="col">${this.t('journey:health.painPoint')}</th>
                </tr></thead>
                <tbody>${result.rows.map((row) => this.row(row, result.scores))}</tbody>
              </table></div>
              <p class="note">${this.t('journey:health.funnelNote', { window: this.window })}</p>`
            : nothing,
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('journey:failed', { message: describeFailure(error) })}</p>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-health-panel': CxJourneyHealthPanel
  }
}
