import type { CustomerTimelineEntry, LocalizedText } from '@cxkit/core'
import { localizeText } from '@cxkit/ui'

/** A customer as the list shows it (`GET /api/workspaces/{id}/customers`). */
export interface CustomerListItem {
  id: string
  externalId: string
  name: string | null
  email: string | null
  segment: string | null
  region: string | null
  plan: string | null
  createdAt: string
}

export interface CustomerListPage {
  items: CustomerListItem[]
  nextCursor: string | null
}

/** One customer (`GET /api/workspaces/{id}/customers/{customerId}`). */
export interface CustomerProfile extends CustomerListItem {
  attributes: Record<string, unknown>
  identities: { source: string; sourceId: string }[]
}

export type FacetCounts = Record<'segment' | 'region' | 'plan', { value: string | null; count: number }[]>

export interface TimelinePage {
  items: CustomerTimelineEntry[]
  nextBefore: string | null
  unavailable: { plugin: string; kind: string }[]
}

/** What the list is asked for: the search and filters, as they stand in the page's URL. */
export interface CustomerSearch {
  q: string
  segment: string
  region: string
  plan: string
  attrKey: string
  attrValue: string
}

export const emptySearch: CustomerSearch = { q: '', segment: '', region: '', plan: '', attrKey: '', attrValue: '' }

const searchKeys = Object.keys(emptySearch) as (keyof CustomerSearch)[]

/** The search a URL query holds; unknown parameters are ignored. */
export function searchFromQuery(query: string): CustomerSearch {
  const params = new URLSearchParams(query)
  const read = (key: keyof CustomerSearch) => params.get(key) ?? ''
  return {
    q: read('q'),
    segment: read('segment'),
    region: read('region'),
    plan: read('plan'),
    attrKey: read('attrKey'),
    attrValue: read('attrValue'),
  }
}

/** The search as a URL query, without empty fields, so a shared link says only what was asked. */
export function queryFromSearch(search: CustomerSearch): string {
  const params = new URLSearchParams()
  for (const key of searchKeys) if (search[key]) params.set(key, search[key])
  return params.toString()
}

/** The list API's path for a search and page. */
export function customerListPath(workspace: string, search: CustomerSearch, cursor?: string): string {
  const params = new URLSearchParams({ limit: '50' })
  if (search.q.trim()) params.set('q', search.q.trim())
  for (const key of ['segment', 'region', 'plan'] as const) if (search[key]) params.set(key, search[key])
  if (search.attrKey.trim() && search.attrValue !== '') params.set(`attr.${search.attrKey.trim()}`, search.attrValue)
  if (cursor) params.set('cursor', cursor)
  return `/api/workspaces/${encodeURIComponent(workspace)}/customers?${params}`
}

/** The customer page's address in the dashboard: reloadable and shareable, workspace included. */
export function customerPageHref(workspace: string, customerId: string): string {
  return `#/customers/${encodeURIComponent(customerId)}?workspace=${encodeURIComponent(workspace)}`
}

/** A label the API gives in every language, or text as it was given. */
export function textIn(text: LocalizedText | string, locale: string): string {
  return typeof text === 'string' ? text : localizeText(text, locale)
}
