import type { CustomerSummaryEntry } from '@cxkit/core'
import { CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import './customer-messages.js'
import { textIn } from './customer-api.js'
import { customersPageStyles } from './customers-page-styles.js'

interface CustomerSummary {
  cards: CustomerSummaryEntry[]
  unavailable: { plugin: string; kind: string }[]
}

/**
 * Where a customer stands now, at the top of the customer page: a card per figure the enabled plugins
 * contribute (CLV, P(alive), churn risk), each with what it rests on and its n. Nothing shows when no
 * plugin contributes.
 */
@customElement('cx-customer-summary')
export class CxCustomerSummary extends CxDashboardElement {
  static override styles = [
    themeStyles,
    customersPageStyles,
    css`
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 12px 0; }
      .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 10px 14px; }
      .label { color: var(--_muted); font-size: 0.8rem; }
      .value { font-weight: 700; font-size: 1.25rem; }
      .detail, .n { color: var(--_muted); font-size: 0.75rem; }
      .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
      .tag { border: 1px solid var(--_border); border-radius: 12px; padding: 1px 8px; font-size: 0.75rem; }
    `,
  ]

  @property() accessor customerWorkspace = ''
  @property() accessor customerId = ''

  private readonly summary = new Task(this, {
    task: ([workspace, customerId], { signal }) =>
      workspace && customerId
        ? this.api.get<CustomerSummary>(
            `/api/workspaces/${encodeURIComponent(workspace)}/customers/${encodeURIComponent(customerId)}/summary`,
            signal,
          )
        : Promise.resolve(undefined),
    args: () => [this.customerWorkspace, this.customerId] as const,
  })

  private card(card: CustomerSummaryEntry) {
    const text = (value: Parameters<typeof textIn>[0]) => textIn(value, this.locale)
    const value = html`<div class="value">${text(card.value)}</div>`
    return html`<div class="card" data-card=${`${card.plugin}:${card.id}`}>
      <div class="label">${text(card.label)}</div>
      ${card.link ? html`<a href=${card.link}>${value}</a>` : value}
      ${
        card.tags?.length
          ? html`<div class="tags">${card.tags.map((tag) => html`<span class="tag">${text(tag)}</span>`)}</div>`
          : nothing
      }
      ${card.detail ? html`<div class="detail">${text(card.detail)}</div>` : nothing}
      ${
        card.interval
          ? html`<div class="detail">${this.t('customers:summaryInterval', { lower: text(card.interval.lower), upper: text(card.interval.upper) })}</div>`
          : nothing
      }
      ${card.n !== undefined ? html`<div class="n">n = ${this.i18n.number(card.n, 0)}</div>` : nothing}
    </div>`
  }

  override render() {
    return this.summary.render({
      complete: (summary) =>
        summary && (summary.cards.length > 0 || summary.unavailable.length > 0)
          ? html`<section aria-label=${this.t('customers:summary')}>
              <div class="cards">${summary.cards.map((card) => this.card(card))}</div>
              ${
                summary.unavailable.length
                  ? html`<p class="muted">${this.t('customers:unavailable', { list: summary.unavailable.map((u) => u.plugin).join(', ') })}</p>`
                  : nothing
              }
            </section>`
          : nothing,
      error: (error) =>
        html`<p class="error" role="alert">${this.t('customers:loadFailed', { message: error instanceof Error ? error.message : String(error) })}</p>`,
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-customer-summary': CxCustomerSummary
  }
}
