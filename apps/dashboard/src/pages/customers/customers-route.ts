import { html, type TemplateResult } from 'lit'
import './cx-customer-page.js'
import './cx-customers-page.js'

/** Where in the customer pages a hash points: the list (with its search) or one customer. */
export interface CustomersRoute {
  customerId?: string
  /** What follows `?`: the list's search, or the customer's workspace. */
  query: string
}

/**
 * The route of a page path such as `customers?q=anna` or `customers/<id>?workspace=demo` (the hash
 * without `#/`); undefined for any other page.
 *
 * @example
 * customersRoute('customers/4f1c?workspace=demo') // { customerId: '4f1c', query: 'workspace=demo' }
 */
export function customersRoute(page: string): CustomersRoute | undefined {
  const [path = '', query = ''] = page.split(/\?(.*)/s, 2)
  if (path === 'customers') return { query }
  const match = /^customers\/([^/]+)$/.exec(path)
  if (!match) return undefined
  try {
    return { customerId: decodeURIComponent(match[1]!), query }
  } catch {
    return undefined
  }
}

/** The element a customers route shows. */
export function renderCustomersRoute(route: CustomersRoute): TemplateResult {
  return route.customerId
    ? html`<cx-customer-page .customerId=${route.customerId} .query=${route.query}></cx-customer-page>`
    : html`<cx-customers-page .query=${route.query}></cx-customers-page>`
}
