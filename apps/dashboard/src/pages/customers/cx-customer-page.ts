import { ApiError, CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import './customer-messages.js'
import './cx-customer-summary.js'
import './cx-customer-timeline.js'
import type { CustomerProfile } from './customer-api.js'
import { customersPageStyles } from './customers-page-styles.js'
import { formatAttribute } from './format-attribute.js'

/**
 * One customer: who they are (name, e-mail, ids, segment, region, plan), their ids in other systems,
 * where they stand now (the plugins' summary cards: CLV, churn risk), their attributes as typed values, and
 * their timeline. Its URL (`#/customers/<id>?workspace=<ws>`)
 * names the workspace, so a reloaded or shared link shows the same customer whichever workspace the
 * reader had chosen.
 */
@customElement('cx-customer-page')
export class CxCustomerPage extends CxDashboardElement {
  static override styles = [
    themeStyles,
    customersPageStyles,
    css`
      header { display: grid; gap: 4px; }
      .facts { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 8px 0 0; }
      .facts div { display: flex; gap: 6px; }
      dt { color: var(--_muted); }
      dd { margin: 0; }
      .kind { color: var(--_muted); font-size: 0.75rem; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0 24px; }
    `,
  ]

  @property() accessor customerId = ''
  /** The URL query of the page: its `workspace` wins over the shell's choice. */
  @property() accessor query = ''

  private get customerWorkspace(): string {
    return new URLSearchParams(this.query).get('workspace') || this.workspace
  }

  private readonly customer = new Task(this, {
    task: ([workspace, customerId], { signal }) =>
      workspace && customerId
        ? this.api.get<CustomerProfile>(
            `/api/workspaces/${encodeURIComponent(workspace)}/customers/${encodeURIComponent(customerId)}`,
            signal,
          )
        : Promise.resolve(undefined),
    args: () => [this.customerWorkspace, this.customerId] as const,
  })

  private renderHeader(customer: CustomerProfile) {
    const fact = (key: string, value: string | null) =>
      html`<div><dt>${this.t(`customers:${key}`)}</dt><dd>${value ?? html`<span class="muted">—</span>`}</dd></div>`
    return html`<header>
      <h1 data-customer=${customer.id}>${customer.name ?? this.t('customers:unnamed')}</h1>
      <dl class="facts">
        ${fact('email', customer.email)} ${fact('externalId', customer.externalId)}
        ${fact('segment', customer.segment)} ${fact('region', customer.region)} ${fact('plan', customer.plan)}
        ${fact('since', new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(customer.createdAt)))}
      </dl>
    </header>`
  }

  private renderIdentities(customer: CustomerProfile) {
    return html`<section aria-labelledby="identities">
      <h2 id="identities">${this.t('customers:identities')}</h2>
      ${
        customer.identities.length === 0
          ? html`<p class="muted">${this.t('customers:noIdentities')}</p>`
          : html`<table>
              <thead><tr><th scope="col">${this.t('customers:source')}</th><th scope="col">${this.t('customers:sourceId')}</th></tr></thead>
              <tbody>${customer.identities.map((identity) => html`<tr><td>${identity.source}</td><td>${identity.sourceId}</td></tr>`)}</tbody>
            </table>`
      }
    </section>`
  }

  private renderAttributes(customer: CustomerProfile) {
    const entries = Object.entries(customer.attributes).sort(([a], [b]) => a.localeCompare(b))
    return html`<section aria-labelledby="attributes">
      <h2 id="attributes">${this.t('customers:attributes')}</h2>
      ${
        entries.length === 0
          ? html`<p class="muted">${this.t('customers:noAttributes')}</p>`
          : html`<table>
              <tbody>${entries.map(([key, value]) => {
                const shown = formatAttribute(value, this.i18n)
                return html`<tr data-attribute=${key} data-kind=${shown.kind}><th scope="row">${key}</th><td>${shown.text}</td></tr>`
              })}</tbody>
            </table>`
      }
    </section>`
  }

  private renderCustomer(customer: CustomerProfile | undefined) {
    if (!customer) return html`<p class="muted" data-state="loading">${this.t('customers:loading')}</p>`
    return html`${this.renderHeader(customer)}
      <cx-customer-summary .customerWorkspace=${this.customerWorkspace} .customerId=${customer.id}></cx-customer-summary>
      <div class="columns">${this.renderIdentities(customer)} ${this.renderAttributes(customer)}</div>
      <section aria-labelledby="timeline">
        <h2 id="timeline">${this.t('customers:timeline')}</h2>
        <cx-customer-timeline .customerWorkspace=${this.customerWorkspace} .customerId=${customer.id}></cx-customer-timeline>
      </section>`
  }

  override render() {
    return html`<p><a href="#/customers">← ${this.t('customers:back')}</a></p>
      ${this.customer.render({
        pending: () => html`<p class="muted" data-state="loading">${this.t('customers:loading')}</p>`,
        complete: (customer) => this.renderCustomer(customer),
        error: (error) =>
          error instanceof ApiError && error.status === 404
            ? html`<p class="error" role="alert">${this.t('customers:notFound', { workspace: this.customerWorkspace })}</p>`
            : html`<p class="error" role="alert">${this.t('customers:loadFailed', { message: error instanceof Error ? error.message : String(error) })}</p>`,
      })}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-customer-page': CxCustomerPage
  }
}
