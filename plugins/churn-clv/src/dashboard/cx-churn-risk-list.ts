import { CxPanel } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { contactOutcomes } from '../risk/contact-outcomes.js'
import type { RiskPage, RiskRow } from '../risk/risk-schemas.js'
import { signalText } from './risk-signal-text.js'

/**
 * The churn-risk list: the customers a retention team should call first, ranked by value at stake, each
 * with a link to its customer page, P(alive), the signals that put it there as chips with their evidence,
 * and a form to record a contact (which takes the customer off the list until a new signal). Self-contained:
 * give it `workspace` (and `limit`) as attributes anywhere, or let the dashboard's context fill them in.
 */
@customElement('cx-churn-risk-list')
export class CxChurnRiskList extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
      th { color: var(--_muted); font-weight: 600; text-align: left; padding: 4px 8px; white-space: nowrap; }
      td { padding: 6px 8px; border-top: 1px solid var(--_border); vertical-align: top; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .chips { display: flex; flex-wrap: wrap; gap: 4px; }
      .chip { border: 1px solid var(--_border); border-radius: 12px; padding: 2px 8px; font-size: 0.75rem; }
      .chip strong { font-weight: 600; }
      .chip q { font-style: italic; }
      .muted, p.note { color: var(--_muted); font-size: 0.8rem; }
      form { display: grid; gap: 6px; margin-top: 6px; max-width: 360px; }
      .bar { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    `,
  ]

  /** How many customers to show (at most 500). */
  @property({ type: Number }) accessor limit = 50
  /** The row whose contact form is open. */
  @state() private accessor recording: string | null = null
  @state() private accessor formError = ''

  private readonly list = new Task(this, {
    task: async ([workspace, limit], { signal }) => {
      if (!workspace) return null
      const query = new URLSearchParams({ workspace, limit: String(Math.min(500, Math.max(1, limit))) })
      return this.api.get<RiskPage>(`/api/churn-clv/risk?${query}`, signal)
    },
    args: () => [this.workspace, this.limit] as const,
  })

  private date = (iso: string) => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(iso))

  private money(value: number | null, currency: string) {
    if (value === null) return html`<span class="muted">—</span>`
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
  }

  private async recordContact(event: SubmitEvent, row: RiskRow) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    const note = String(form.get('note') ?? '').trim()
    try {
      await this.api.post(`/api/churn-clv/risk/contacts?workspace=${encodeURIComponent(this.workspace)}`, {
        customer: row.customer.externalId,
        by: String(form.get('by') ?? '').trim(),
        outcome: String(form.get('outcome')),
        ...(note ? { note } : {}),
      })
      this.recording = null
      this.formError = ''
      await this.list.run()
    } catch (error) {
      this.formError = String((error as Error).message ?? error)
    }
  }

  private contactForm(row: RiskRow) {
    return html`<form data-contact-form @submit=${(event: SubmitEvent) => this.recordContact(event, row)}>
      <label>${this.t('churn-clv:contactBy')} <input name="by" required maxlength="200" /></label>
      <label>${this.t('churn-clv:contactOutcome')}
        <select name="outcome">${contactOutcomes.map(
          (outcome) => html`<option value=${outcome}>${this.t(`churn-clv:outcome.${outcome}`)}</option>`,
        )}</select></label>
      <label>${this.t('churn-clv:contactNote')} <textarea name="note" maxlength="2000" rows="2"></textarea></label>
      ${this.formError ? html`<p class="note" role="alert">${this.formError}</p>` : nothing}
      <div class="bar"><button type="submit" class="primary">${this.t('churn-clv:saveContact')}</button>
        <button type="button" @click=${() => (this.recording = null)}>${this.t('churn-clv:cancel')}</button></div>
    </form>`
  }

  private row(row: RiskRow, currency: string) {
    const share = (n: number) => this.i18n.number(n, 2)
    const link = `#/customers/${encodeURIComponent(row.customer.id)}?workspace=${encodeURIComponent(this.workspace)}`
    return html`<tr data-customer=${row.customer.externalId}>
      <td class="num">${row.rank}</td>
      <td><a href=${link}>${row.customer.name ?? row.customer.externalId}</a>
        <div class="muted">${row.customer.email ?? row.customer.externalId}</div></td>
      <td class="num" data-value-at-stake>${this.money(row.valueAtStake, currency)}</td>
      <td class="num">${row.probabilityAlive === null ? html`<span class="muted">—</span>` : share(row.probabilityAlive)}</td>
      <td><div class="chips">${row.signals.map((signal) => {
        const text = signalText(signal, this.date, share)
        return html`<span class="chip" data-signal=${signal.kind}><strong>${this.t(text.label)}</strong>:
          ${this.t(text.evidence.key, text.evidence.values)}${text.comment ? html` — <q>${text.comment}</q>` : nothing}</span>`
      })}</div></td>
      <td>${
        this.recording === row.customer.id
          ? this.contactForm(row)
          : html`<button data-record-contact @click=${() => {
              this.recording = row.customer.id
              this.formError = ''
            }}>${this.t('churn-clv:recordContact')}</button>`
      }</td>
    </tr>`
  }

  private table(page: RiskPage) {
    const csv = `/api/churn-clv/risk.csv?workspace=${encodeURIComponent(this.workspace)}`
    const fit = page.fit
      ? this.t('churn-clv:riskFit', { date: this.date(page.fit.createdAt), n: page.fit.n })
      : this.t('churn-clv:riskNoFit')
    return html`<div class="bar"><span data-total>${this.t('churn-clv:riskTotal', { shown: page.rows.length, total: page.total })}</span>
        <a href=${csv} download data-csv>${this.t('churn-clv:downloadCsv')}</a></div>
      <p class="note">${fit} ${this.t('churn-clv:riskRanking')}</p>
      ${
        page.rows.length === 0
          ? html`<p>${this.t('churn-clv:riskEmpty')}</p>`
          : html`<div class="scroll"><table aria-label=${this.t('churn-clv:riskHeading')}>
        <thead><tr><th>#</th><th>${this.t('churn-clv:riskCustomer')}</th><th>${this.t('churn-clv:valueAtStake')}</th>
          <th>P(alive)</th><th>${this.t('churn-clv:signals')}</th><th></th></tr></thead>
        <tbody>${page.rows.map((row) => this.row(row, page.currency))}</tbody></table></div>`
      }`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading || this.t('churn-clv:riskHeading')}>
      ${this.list.render({
        pending: () => html`<p>${this.t('panel.loading')}</p>`,
        complete: (page) => (page ? this.table(page) : nothing),
        error: (error) =>
          html`<cx-panel-error plugin="churn-clv" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-churn-risk-list': CxChurnRiskList
  }
}
