import { ApiError, CxDashboardElement } from '@cxkit/ui'
import { css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { ClvFitJob } from '../../schema.js'
import { followFitJob, isFinished } from './follow-fit-job.js'

/** Today in UTC, as the API's default calibration end. */
const todayUtc = () => new Date().toISOString().slice(0, 10)

/**
 * "Fit the model": starts a CLV fit job with the chosen model, unit and calibration end (defaults as the
 * API's), follows it every second while connected, shows why it failed, and fires `clv-fitted` (bubbling)
 * when it has stored a fit. A fit already running is followed instead of refused.
 */
@customElement('cx-clv-fit-form')
export class CxClvFitForm extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    css`
      :host { display: block; }
      form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
      label { display: grid; gap: 4px; font-size: 0.85rem; }
      .errors { color: var(--_bad); }
      .muted { color: var(--_muted); font-size: 0.85rem; }
    `,
  ]

  @state() private accessor job: ClvFitJob | null = null
  @state() private accessor note = ''
  @state() private accessor failure = ''
  private leaving = new AbortController()
  /** Set once, so a re-render does not undo the user's choice. */
  private readonly defaultUntil = todayUtc()

  override connectedCallback() {
    super.connectedCallback()
    if (this.leaving.signal.aborted) this.leaving = new AbortController()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.leaving.abort()
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed)
    if (changed.has('workspace') && this.workspace) void this.resume()
  }

  /** Follows a fit already under way when the page opens (the schedule's, the command line's, another tab's). */
  private async resume() {
    try {
      const running = await this.runningJob()
      if (running && !this.job) await this.follow(running)
    } catch (error) {
      if (this.leaving.signal.aborted) return
      this.failure = this.t('churn-clv:clv.failed', { message: (error as Error).message })
    }
  }

  private async runningJob() {
    const jobs = await this.api.get<ClvFitJob[]>(`/api/churn-clv/clv/fits?${this.query}`, this.leaving.signal)
    return jobs.find((candidate) => !isFinished(candidate))
  }

  private get query() {
    return `workspace=${encodeURIComponent(this.workspace)}`
  }

  private async start(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.note = ''
    this.failure = ''
    const until = String(form.get('until') ?? '')
    try {
      let job: ClvFitJob
      try {
        job = await this.api.post<ClvFitJob>(`/api/churn-clv/clv/fits?${this.query}`, {
          model: form.get('model'),
          unit: form.get('unit'),
          ...(until ? { until } : {}),
        })
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error
        // Someone (the schedule, the command line, another tab) is fitting already: follow that job.
        const running = await this.runningJob()
        if (!running) throw error
        this.note = this.t('churn-clv:clv.fitAlreadyRunning')
        job = running
      }
      await this.follow(job)
    } catch (error) {
      if (this.leaving.signal.aborted) return
      this.failure = this.t('churn-clv:clv.failed', { message: (error as Error).message })
    }
  }

  private async follow(started: ClvFitJob) {
    this.job = started
    const done = await followFitJob(
      (signal) => this.api.get<ClvFitJob>(`/api/churn-clv/clv/fits/${started.id}?${this.query}`, signal),
      (job) => (this.job = job),
      this.leaving.signal,
    )
    if (done.status === 'succeeded')
      this.dispatchEvent(new CustomEvent('clv-fitted', { detail: done, bubbles: true, composed: true }))
  }

  private renderJob(job: ClvFitJob) {
    const status = this.t(`churn-clv:clv.job.${job.status}`)
    if (job.status === 'failed')
      return html`<p class="errors job-status" role="alert" data-status="failed">
        ${this.t('churn-clv:clv.fitFailed', { reason: job.problem?.detail ?? status })}</p>`
    return html`<p class="job-status" role="status" data-status=${job.status}>${status}</p>`
  }

  override render() {
    const busy = this.job !== null && !isFinished(this.job)
    return html`<form class="fit-form" @submit=${this.start}>
        <label>${this.t('churn-clv:clv.model')}
          <select name="model">
            <option value="bgnbd" selected>${this.t('churn-clv:clv.model.bgnbd')}</option>
            <option value="pareto-nbd">${this.t('churn-clv:clv.model.pareto-nbd')}</option>
          </select></label>
        <label>${this.t('churn-clv:clv.unit')}
          <select name="unit">
            ${(['day', 'week', 'month'] as const).map(
              (unit) =>
                html`<option value=${unit} ?selected=${unit === 'week'}>${this.t(`churn-clv:clv.unit.${unit}`)}</option>`,
            )}
          </select></label>
        <label>${this.t('churn-clv:clv.until')}
          <input name="until" type="date" required .value=${this.defaultUntil}></label>
        <button type="submit" ?disabled=${busy}>${this.t('churn-clv:clv.fitModel')}</button>
      </form>
      <p class="muted">${this.t('churn-clv:clv.fitFormNote')}</p>
      ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
      ${this.job ? this.renderJob(this.job) : nothing}
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-clv-fit-form': CxClvFitForm
  }
}
