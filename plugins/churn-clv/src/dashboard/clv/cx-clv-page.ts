import { CxDashboardElement } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { ClvSettings } from '../../clv/clv-settings.js'
import type { ClvDiagnostics, ClvDistributionResponse, ClvFit, ClvFitJob } from '../../schema.js'
import './cx-clv-fit-form.js'
import { renderClvDistribution } from './render-clv-distribution.js'
import { renderRepeatHistogram, renderRepeatTracking } from './render-fit-charts.js'

/** How parameters are written in the literature. */
const symbols: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ' }

interface ClvPageData {
  fit: ClvFit | null
  diagnostics: ClvDiagnostics | null
  distribution: ClvDistributionResponse | null
  settings: ClvSettings
  /** The latest recorded fit jobs, newest first. */
  jobs: ClvFitJob[]
}

/** How many of the recorded fit jobs the settings show. */
const shownJobs = 5

/**
 * The Customer value page: the latest CLV fit (parameters with standard errors and intervals), the CLV
 * distribution, the model's fit against the data (Fader, Hardie & Lee 2005, Figures 1–3), the valuation
 * settings with the refit schedule and the last fit jobs, and the customers at risk. A form starts a fit
 * (also when there is none yet) and the page reloads once it has been stored.
 */
@customElement('cx-clv-page')
export class CxClvPage extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    css`
      :host { display: block; }
      h1 { font-size: 1.4rem; margin: 0 0 12px; }
      h2 { font-size: 1.1rem; margin: 28px 0 8px; }
      section { max-width: 760px; }
      .muted, .note { color: var(--_muted); font-size: 0.85rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
      dt { color: var(--_muted); }
      dd { margin: 0; font-variant-numeric: tabular-nums; }
      table { border-collapse: collapse; font-size: 0.85rem; margin-top: 8px; }
      th, td { text-align: left; padding: 4px 12px 4px 0; }
      thead th { color: var(--_muted); font-weight: 600; }
      .figure { text-align: right; font-variant-numeric: tabular-nums; }
      figure { margin: 12px 0; }
      svg { width: 100%; height: auto; overflow: visible; }
      .axis { stroke: var(--_border); fill: none; }
      .grid { stroke: var(--_border); stroke-dasharray: 2 3; }
      .tick { fill: var(--_muted); font-size: 11px; }
      rect.actual, .swatch.actual, rect.bin { fill: #1f77b4; background: #1f77b4; }
      rect.expected, .swatch.expected { fill: #ff7f0e; background: #ff7f0e; }
      .line { fill: none; stroke-width: 2; }
      .line.actual { stroke: #1f77b4; }
      .line.expected { stroke: #ff7f0e; stroke-dasharray: 6 4; }
      .calibration-end { stroke: var(--_text); stroke-dasharray: 3 3; }
      .legend { font-size: 0.85rem; display: flex; gap: 6px; align-items: center; margin: 4px 0; }
      .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-left: 8px; }
      code { background: var(--_border); padding: 2px 6px; border-radius: 4px; }
      form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
      label { display: grid; gap: 4px; font-size: 0.85rem; }
      .errors { color: var(--_bad); }
    `,
  ]

  @state() private accessor reloads = 0
  @state() private accessor notice = ''
  @state() private accessor failure = ''

  private readonly data = new Task(this, {
    task: async ([workspace], { signal }): Promise<ClvPageData | null> => {
      if (!workspace) return null
      const query = `workspace=${encodeURIComponent(workspace)}`
      // The distribution answers without a fit too (fitId null), so an empty workspace costs no 404.
      const [settings, distribution, jobs] = await Promise.all([
        this.api.get<ClvSettings>(`/api/churn-clv/clv/settings?${query}`, signal),
        this.api.get<ClvDistributionResponse>(`/api/churn-clv/clv/distribution?${query}`, signal),
        this.api.get<ClvFitJob[]>(`/api/churn-clv/clv/fits?${query}`, signal),
      ])
      if (!distribution.fitId) return { fit: null, diagnostics: null, distribution: null, settings, jobs }
      const [fit, diagnostics] = await Promise.all([
        this.api.get<ClvFit>(`/api/churn-clv/clv/fit?${query}`, signal),
        this.api.get<ClvDiagnostics>(`/api/churn-clv/clv/diagnostics?${query}&fit=${distribution.fitId}`, signal),
      ])
      return { fit, diagnostics, distribution, settings, jobs }
    },
    args: () => [this.workspace, this.reloads] as const,
  })

  private async saveSettings(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.notice = ''
    this.failure = ''
    try {
      await this.api.put(`/api/churn-clv/clv/settings?workspace=${encodeURIComponent(this.workspace)}`, {
        marginRate: Number(form.get('marginRate')) / 100,
        yearlyDiscountRate: Number(form.get('yearlyDiscountRate')) / 100,
        refitEvery: form.get('refitEvery'),
      })
      this.notice = this.t('churn-clv:clv.saved')
      this.reloads++
    } catch (error) {
      this.failure = this.t('churn-clv:clv.failed', { message: (error as Error).message })
    }
  }

  private renderParameters(caption: string, model: ClvFit['purchase']) {
    return html`<table class="parameters">
      <caption class="muted">${caption}</caption>
      <thead><tr><th scope="col">${this.t('churn-clv:clv.parameter')}</th>
        <th scope="col" class="figure">${this.t('churn-clv:clv.estimate')}</th>
        <th scope="col" class="figure">${this.t('churn-clv:clv.standardError')}</th>
        <th scope="col" class="figure">${this.t('churn-clv:clv.interval')}</th></tr></thead>
      <tbody>${Object.entries(model.parameters).map(([name, estimate]) => {
        const se = model.standardErrors[name]
        return html`<tr data-parameter=${name}><th scope="row">${symbols[name] ?? name}</th>
          <td class="figure estimate">${this.i18n.number(estimate, 4)}</td>
          <td class="figure se">${se === undefined ? '–' : this.i18n.number(se, 4)}</td>
          <td class="figure">${
            se === undefined
              ? '–'
              : `${this.i18n.number(positiveInterval(estimate, se)[0], 4)} – ${this.i18n.number(positiveInterval(estimate, se)[1], 4)}`
          }</td></tr>`
      })}</tbody>
      <tfoot><tr><th scope="row">${this.t('churn-clv:clv.logLikelihood')}</th>
        <td class="figure log-likelihood">${this.i18n.number(model.logLikelihood, 1)}</td></tr></tfoot>
    </table>`
  }

  private renderFit(fit: ClvFit) {
    const units = this.t(`churn-clv:clv.units.${fit.unit}`)
    return html`<section class="fit" aria-labelledby="fit-heading">
      <h2 id="fit-heading">${this.t('churn-clv:clv.fitHeading')}</h2>
      <dl>
        <dt>${this.t('churn-clv:clv.model')}</dt><dd class="model">${this.t(`churn-clv:clv.model.${fit.model}`)}</dd>
        <dt>${this.t('churn-clv:clv.unit')}</dt><dd class="unit">${this.t(`churn-clv:clv.unit.${fit.unit}`)}</dd>
        <dt>${this.t('churn-clv:clv.until')}</dt><dd class="until">${fit.until}</dd>
        <dt>${this.t('churn-clv:clv.customers')}</dt><dd class="customers">${this.i18n.number(fit.customers, 0)}</dd>
        <dt>${this.t('churn-clv:clv.repeatCustomers')}</dt><dd class="repeat-customers">${this.i18n.number(fit.repeatCustomers, 0)}</dd>
        <dt>${this.t('churn-clv:clv.horizon')}</dt><dd>${this.t('churn-clv:clv.horizonValue', { n: this.i18n.number(fit.horizon, 0), units })}</dd>
        <dt>${this.t('churn-clv:clv.fittedAt')}</dt><dd>${fit.createdAt.slice(0, 16).replace('T', ' ')} UTC</dd>
      </dl>
      ${this.renderParameters(this.t('churn-clv:clv.purchaseParameters', { n: this.i18n.number(fit.purchase.customers, 0) }), fit.purchase)}
      ${
        fit.spend
          ? this.renderParameters(
              this.t('churn-clv:clv.spendParameters', { n: this.i18n.number(fit.spend.customers, 0) }),
              fit.spend,
            )
          : html`<p class="muted">${this.t('churn-clv:clv.noSpend')}</p>`
      }
    </section>`
  }

  private renderFitForm() {
    return html`<section class="fit-job" aria-labelledby="fit-job-heading">
      <h2 id="fit-job-heading">${this.t('churn-clv:clv.fitModel')}</h2>
      <cx-clv-fit-form @clv-fitted=${() => this.reloads++}></cx-clv-fit-form>
    </section>`
  }

  private renderJobs(jobs: ClvFitJob[]) {
    if (jobs.length === 0) return html`<p class="muted no-jobs">${this.t('churn-clv:clv.noJobs')}</p>`
    return html`<table class="jobs">
      <caption class="muted">${this.t('churn-clv:clv.jobsCaption', { n: Math.min(jobs.length, shownJobs) })}</caption>
      <thead><tr><th scope="col">${this.t('churn-clv:clv.jobWhen')}</th>
        <th scope="col">${this.t('churn-clv:clv.jobWho')}</th>
        <th scope="col">${this.t('churn-clv:clv.jobOutcome')}</th></tr></thead>
      <tbody>${jobs.slice(0, shownJobs).map(
        (job) => html`<tr data-job=${job.id} data-status=${job.status}>
          <td>${job.requestedAt.slice(0, 16).replace('T', ' ')} UTC</td>
          <td class="trigger">${this.t(`churn-clv:clv.trigger.${job.trigger}`)}</td>
          <td class="outcome">${this.t(`churn-clv:clv.job.${job.status}`)}${
            job.status === 'failed' && job.problem ? html`: <span class="reason">${job.problem.detail}</span>` : nothing
          }</td></tr>`,
      )}</tbody>
    </table>`
  }

  private renderSettings(settings: ClvSettings, fit: ClvFit | null, jobs: ClvFitJob[]) {
    return html`<section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">${this.t('churn-clv:clv.settingsHeading')}</h2>
      <form @submit=${this.saveSettings}>
        <label>${this.t('churn-clv:clv.marginRate')}
          <input name="marginRate" type="number" min="0" max="100" step="any" required
            .value=${String(Number((settings.marginRate * 100).toPrecision(12)))}></label>
        <label>${this.t('churn-clv:clv.discountRate')}
          <input name="yearlyDiscountRate" type="number" min="0" max="1000" step="any" required
            .value=${String(Number((settings.yearlyDiscountRate * 100).toPrecision(12)))}></label>
        <label>${this.t('churn-clv:clv.refitEvery')}
          <select name="refitEvery">${(['off', 'daily', 'weekly'] as const).map(
            (every) =>
              html`<option value=${every} ?selected=${every === settings.refitEvery}>${this.t(`churn-clv:clv.refitEvery.${every}`)}</option>`,
          )}</select></label>
        <button type="submit">${this.t('churn-clv:clv.save')}</button>
      </form>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}
      ${
        fit
          ? html`<p class="note">${this.t('churn-clv:clv.settingsNote', {
              margin: this.i18n.percent(fit.settings.marginRate, 0),
              discount: this.i18n.percent(fit.settings.yearlyDiscountRate, 0),
            })}</p>`
          : nothing
      }
      ${this.renderJobs(jobs)}
    </section>`
  }

  private renderPage(data: ClvPageData) {
    const { fit, diagnostics, distribution, settings, jobs } = data
    if (!fit)
      return html`<section class="empty">
          <p>${this.t('churn-clv:clv.noFit')}</p>
          <p><code>pnpm cxkit clv fit --workspace ${this.workspace} --until YYYY-MM-DD --unit week</code></p>
          <p class="muted">${this.t('churn-clv:clv.noFitAfter')}</p>
        </section>
        ${this.renderFitForm()}
        ${this.renderSettings(settings, null, jobs)}`
    return html`${this.renderFit(fit)}
      <section class="distribution" aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">${this.t('churn-clv:clv.distributionHeading')}</h2>
        ${distribution ? renderClvDistribution(this.i18n, this.locale, distribution) : nothing}
      </section>
      ${
        diagnostics
          ? html`<section class="histogram" aria-labelledby="histogram-heading">
              <h2 id="histogram-heading">${this.t('churn-clv:clv.histogramHeading')}</h2>
              ${renderRepeatHistogram(this.i18n, diagnostics)}
            </section>
            <section class="tracking" aria-labelledby="tracking-heading">
              <h2 id="tracking-heading">${this.t('churn-clv:clv.trackingHeading')}</h2>
              ${renderRepeatTracking(this.i18n, diagnostics)}
            </section>`
          : nothing
      }
      ${this.renderFitForm()}
      ${this.renderSettings(settings, fit, jobs)}
      <section class="at-risk" aria-labelledby="at-risk-heading">
        <h2 id="at-risk-heading">${this.t('churn-clv:clv.atRiskHeading')}</h2>
        <cx-churn-risk-list workspace=${this.workspace}></cx-churn-risk-list>
      </section>`
  }

  override render() {
    return html`<h1>${this.t('churn-clv:clv.title')}</h1>
      ${this.data.render({
        pending: () => html`<p class="muted">${this.t('panel.loading')}</p>`,
        complete: (data) => (data ? this.renderPage(data) : nothing),
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('churn-clv:clv.failed', { message: String((error as Error).message ?? error) })}</p>`,
      })}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-clv-page': CxClvPage
  }
}

/**
 * The 95 % interval of a positive parameter, on the log scale the optimiser works on (delta method:
 * ln θ ± 1.96 · SE/θ): it stays above zero, where estimate ± 1.96 · SE would reach below it whenever the
 * standard error is large, as it is on small samples.
 */
function positiveInterval(estimate: number, se: number): [number, number] {
  const spread = Math.exp((1.96 * se) / estimate)
  return [estimate / spread, estimate * spread]
}
