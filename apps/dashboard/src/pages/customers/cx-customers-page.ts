import { CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { keyed } from 'lit/directives/keyed.js'
import { repeat } from 'lit/directives/repeat.js'
import './customer-messages.js'
import {
  type CustomerListItem,
  type CustomerListPage,
  type CustomerSearch,
  customerListPath,
  customerPageHref,
  type FacetCounts,
  queryFromSearch,
  searchFromQuery,
} from './customer-api.js'
import { customersPageStyles } from './customers-page-styles.js'

const cuts = ['segment', 'region', 'plan'] as const

/**
 * The workspace's customers: a search over names, e-mail addresses and ids, filters by segment, region,
 * plan and one attribute, and pages of 50 with "Show more". The search lives in the page's URL
 * (`#/customers?q=…`), so the back button and a shared link bring it back; each name opens the customer.
 */
@customElement('cx-customers-page')
export class CxCustomersPage extends CxDashboardElement {
  static override styles = [themeStyles, customersPageStyles]

  /** The URL query of the page (`q=anna&segment=smb`): the shell passes what follows `?` in the hash. */
  @property() accessor query = ''

  @state() private accessor rows: CustomerListItem[] = []
  @state() private accessor nextCursor: string | null = null
  @state() private accessor loadingMore = false
  @state() private accessor moreError = ''
  /** Bumped by each new search, so a "Show more" answer for an older one is dropped. */
  private generation = 0

  private get search(): CustomerSearch {
    return searchFromQuery(this.query)
  }

  private readonly firstPage = new Task(this, {
    task: async ([workspace, query], { signal }): Promise<CustomerListPage> => {
      this.generation += 1
      this.moreError = ''
      if (!workspace) return { items: [], nextCursor: null }
      return this.api.get<CustomerListPage>(customerListPath(workspace, searchFromQuery(query)), signal)
    },
    args: () => [this.workspace, this.query] as const,
    onComplete: (page) => {
      this.rows = page.items
      this.nextCursor = page.nextCursor
    },
  })

  private readonly facets = new Task(this, {
    task: ([workspace], { signal }) =>
      workspace
        ? this.api.get<FacetCounts>(`/api/workspaces/${encodeURIComponent(workspace)}/customer-facets`, signal)
        : Promise.resolve(undefined),
    args: () => [this.workspace] as const,
  })

  private async loadMore() {
    if (!this.nextCursor) return
    const generation = this.generation
    this.loadingMore = true
    this.moreError = ''
    try {
      const page = await this.api.get<CustomerListPage>(customerListPath(this.workspace, this.search, this.nextCursor))
      if (generation !== this.generation) return
      this.rows = [...this.rows, ...page.items]
      this.nextCursor = page.nextCursor
    } catch (error) {
      if (generation === this.generation) this.moreError = error instanceof Error ? error.message : String(error)
    } finally {
      this.loadingMore = false
    }
  }

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const field = (name: string) => String(data.get(name) ?? '')
    const query = queryFromSearch({
      q: field('q'),
      segment: field('segment'),
      region: field('region'),
      plan: field('plan'),
      attrKey: field('attrKey'),
      attrValue: field('attrValue'),
    })
    location.hash = query ? `#/customers?${query}` : '#/customers'
  }

  private renderCut(cut: (typeof cuts)[number], search: CustomerSearch) {
    const values = this.facets.value?.[cut] ?? []
    const chosen = search[cut]
    return html`<label>${this.t(`customers:${cut}`)}
      <select name=${cut}>
        <option value="">${this.t('customers:any')}</option>
        ${values
          .filter((facet) => facet.value !== null)
          .map(
            (facet) =>
              html`<option value=${facet.value!} ?selected=${facet.value === chosen}>${facet.value} (${facet.count})</option>`,
          )}
        ${chosen && !values.some((facet) => facet.value === chosen) ? html`<option value=${chosen} selected>${chosen}</option>` : nothing}
      </select>
    </label>`
  }

  private renderForm() {
    const search = this.search
    return html`<form role="search" @submit=${this.submit}>
      <label>${this.t('customers:search')}
        <input type="search" name="q" .value=${search.q} placeholder=${this.t('customers:searchHint')} aria-describedby="search-hint" />
      </label>
      <span id="search-hint" hidden>${this.t('customers:searchHint')}</span>
      ${cuts.map((cut) => this.renderCut(cut, search))}
      <label>${this.t('customers:attribute')}
        <input name="attrKey" .value=${search.attrKey} size="12" pattern="[A-Za-z0-9_\\-]{1,64}" />
      </label>
      <label>${this.t('customers:attributeValue')}
        <input name="attrValue" .value=${search.attrValue} size="12" />
      </label>
      <button class="primary" type="submit">${this.t('customers:apply')}</button>
      ${this.query ? html`<a href="#/customers">${this.t('customers:clear')}</a>` : nothing}
    </form>`
  }

  private renderRows() {
    if (this.rows.length === 0) {
      return html`<p class="muted" data-state="empty">${this.t(this.query ? 'customers:noMatch' : 'customers:empty')}</p>`
    }
    const cell = (value: string | null) => value ?? html`<span class="muted">—</span>`
    return html`<table>
        <thead><tr>
          <th scope="col">${this.t('customers:name')}</th><th scope="col">${this.t('customers:email')}</th>
          <th scope="col">${this.t('customers:externalId')}</th><th scope="col">${this.t('customers:segment')}</th>
          <th scope="col">${this.t('customers:region')}</th><th scope="col">${this.t('customers:plan')}</th>
        </tr></thead>
        <tbody>
          ${repeat(
            this.rows,
            (row) => row.id,
            (row) => html`<tr data-customer=${row.id}>
              <td><a href=${customerPageHref(this.workspace, row.id)}>${row.name ?? this.t('customers:unnamed')}</a></td>
              <td>${cell(row.email)}</td><td>${row.externalId}</td><td>${cell(row.segment)}</td>
              <td>${cell(row.region)}</td><td>${cell(row.plan)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="more">
        <span class="muted" aria-live="polite">${this.t('customers:shown', { count: this.rows.length })}</span>
        ${this.nextCursor ? html`<button @click=${this.loadMore} ?disabled=${this.loadingMore}>${this.loadingMore ? this.t('customers:loading') : this.t('customers:more')}</button>` : nothing}
        ${this.moreError ? html`<span class="error" role="alert">${this.t('customers:loadFailed', { message: this.moreError })}</span>` : nothing}
      </div>`
  }

  override render() {
    return html`<h1>${this.t('customers:heading')}</h1>
      ${
        // A new form for each search in the URL: its fields show that search, not what was last typed or chosen.
        keyed(this.query, this.renderForm())
      }
      ${
        // Until the shell knows the workspace there is nothing to list, which is not "no customers".
        !this.workspace
          ? html`<p class="muted" data-state="loading">${this.t('customers:loading')}</p>`
          : this.firstPage.render({
              pending: () => html`<p class="muted" data-state="loading">${this.t('customers:loading')}</p>`,
              complete: () => this.renderRows(),
              error: (error) =>
                html`<p class="error" role="alert">${this.t('customers:loadFailed', { message: error instanceof Error ? error.message : String(error) })}</p>`,
            })
      }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-customers-page': CxCustomersPage
  }
}
