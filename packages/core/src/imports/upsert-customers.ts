import type { ImportChange, ImportWriteContext, UpsertOutcome, ValidRow } from '../contracts/import-entity.js'
import { timeOrderedId } from '../ids/time-ordered-id.js'
import { emailKey } from '../schemas/email-key.js'
import type { CustomerImportRow } from './customer-import-row.js'
import { addToIndex, type CustomerIndex, loadCustomerIndex, type StoredCustomer } from './customer-lookups.js'

const customerColumns = [
  'id',
  'workspace_id',
  'external_id',
  'email',
  'email_key',
  'name',
  'segment',
  'region',
  'plan',
  'attributes',
  'created_at',
] as const

/** The external id a new customer gets: the row's, else `<source>:<source_id>`, else its e-mail key. */
function externalIdFor(row: CustomerImportRow, source: string, rowEmailKey: string | undefined): string {
  if (row.externalId) return row.externalId
  if (row.sourceId) return `${source}:${row.sourceId}`
  return rowEmailKey ?? ''
}

/**
 * Change keys (see `undoCustomers`): `customer:<id>` with the row before an update; `created` with
 * the ids of a batch's new customers and `identities:<source>` with a batch's new source ids, one
 * change per batch each, so a million new customers add hundreds of change rows, not a million.
 */
export const customerChangeKey = (id: string) => `customer:${id}`
export const createdChangeKey = 'created'
export const identitiesChangeKey = (source: string) => `identities:${source}`

/**
 * Upserts a batch of customer rows. Each row is matched, in this order, by its source id among the
 * identities of the import's source, by its external id (or the one it would be given), then by its
 * e-mail key; unmatched, it is a new customer. A match is updated only with the row's non-blank
 * values, attributes key by key; a row that would change nothing is left alone. A source id seen
 * for the first time adds an identity, so the same person exported by two CRMs is one customer.
 * Look-ups take a few queries per batch and new customers are written with `insertRows`.
 */
export async function upsertCustomers(
  ctx: ImportWriteContext,
  rows: readonly ValidRow<CustomerImportRow>[],
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
  // Each row's e-mail key and external id, worked out once: matching, look-ups and new customers all need them.
  const emailKeys = rows.map(({ row }) => (row.email ? emailKey(row.email) : undefined))
  const externalIds = rows.map(({ row }, position) => externalIdFor(row, ctx.source, emailKeys[position]))
  const index = await loadCustomerIndex(ctx, {
    sourceIds: rows.flatMap(({ row }) => (row.sourceId ? [row.sourceId] : [])),
    externalIds,
    emailKeys: emailKeys.filter((key) => key !== undefined),
  })
  const now = new Date().toISOString()
  const created = new Map<string, StoredCustomer>()
  const before = new Map<string, StoredCustomer>()
  const newIdentities: [string, string][] = []
  for (let position = 0; position < rows.length; position++) {
    const { row } = rows[position]!
    const rowEmailKey = emailKeys[position]
    const customer = match(index, row, rowEmailKey, externalIds[position]!)
    if (!customer) {
      const fresh = newCustomer(ctx.workspace, row, rowEmailKey, externalIds[position]!, now)
      created.set(fresh.id, fresh)
      addToIndex(index, fresh)
      if (row.sourceId) {
        index.identities.set(row.sourceId, fresh.id)
        newIdentities.push([row.sourceId, fresh.id])
      }
      outcome.inserted++
      continue
    }
    let changed = false
    if (row.sourceId && !index.identities.has(row.sourceId)) {
      index.identities.set(row.sourceId, customer.id)
      newIdentities.push([row.sourceId, customer.id])
      changed = true
    }
    const ownNumber = (await takesOwnNumber(ctx, index, customer, row)) ? { external_id: row.externalId! } : undefined
    const changes = merged(customer, row, rowEmailKey)
    const next = ownNumber ? { ...changes, ...ownNumber } : changes
    if (next) {
      if (!created.has(customer.id) && !before.has(customer.id)) before.set(customer.id, { ...customer })
      Object.assign(customer, next)
      addToIndex(index, customer)
      changed = true
    }
    if (changed) outcome.updated++
    else outcome.unchanged++
  }
  await write(ctx, index, created, before, newIdentities, now)
  return outcome
}

/**
 * Whether a matched customer takes the row's external id: only when the one it has was made up at
 * its creation (`<source>:<source_id>` of one of its identities, or its e-mail key) and no other
 * customer has the row's. Then the company's own customer number, once a file brings it, is what
 * later files (orders, responses) find the customer by; a real number is never overwritten.
 */
async function takesOwnNumber(
  ctx: ImportWriteContext,
  index: CustomerIndex,
  customer: StoredCustomer,
  row: CustomerImportRow,
): Promise<boolean> {
  if (!row.externalId || row.externalId === customer.external_id || index.byExternalId.has(row.externalId)) return false
  if (customer.email_key !== null && customer.external_id === customer.email_key) return true
  const colon = customer.external_id.indexOf(':')
  if (colon < 1) return false
  const source = customer.external_id.slice(0, colon)
  const sourceId = customer.external_id.slice(colon + 1)
  if (source === ctx.source && index.identities.get(sourceId) === customer.id) return true
  const identity = await ctx.db
    .selectFrom('customer_identities')
    .select('customer_id')
    .where('workspace_id', '=', ctx.workspace)
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .executeTakeFirst()
  return identity?.customer_id === customer.id
}

function match(
  index: CustomerIndex,
  row: CustomerImportRow,
  rowEmailKey: string | undefined,
  externalId: string,
): StoredCustomer | undefined {
  const bySource = row.sourceId ? index.identities.get(row.sourceId) : undefined
  return (
    (bySource ? index.byId.get(bySource) : undefined) ??
    (row.externalId ? index.byExternalId.get(row.externalId) : undefined) ??
    (rowEmailKey ? index.byEmailKey.get(rowEmailKey) : undefined) ??
    index.byExternalId.get(externalId)
  )
}

function newCustomer(
  workspace: string,
  row: CustomerImportRow,
  rowEmailKey: string | undefined,
  externalId: string,
  now: string,
): StoredCustomer {
  return {
    id: timeOrderedId(),
    workspace_id: workspace,
    external_id: externalId,
    email: row.email ?? null,
    email_key: rowEmailKey ?? null,
    name: row.name ?? null,
    segment: row.segment ?? null,
    region: row.region ?? null,
    plan: row.plan ?? null,
    attributes: JSON.stringify(row.attributes),
    created_at: now,
  }
}

/** The columns a row changes on a customer, or undefined when it changes none. */
function merged(
  customer: StoredCustomer,
  row: CustomerImportRow,
  rowEmailKey: string | undefined,
): Partial<StoredCustomer> | undefined {
  const next: Partial<StoredCustomer> = {}
  for (const column of ['name', 'segment', 'region', 'plan'] as const) {
    const value = row[column]
    if (value !== undefined && value !== customer[column]) next[column] = value
  }
  // The same address in other capitals is no change: it is how another system happens to write it.
  if (row.email !== undefined && rowEmailKey !== customer.email_key) {
    next.email = row.email
    next.email_key = rowEmailKey ?? null
  }
  const attributes: Record<string, unknown> = JSON.parse(customer.attributes)
  let attributesChanged = false
  for (const [key, value] of Object.entries(row.attributes)) {
    if (value === null || attributes[key] === value) continue
    attributes[key] = value
    attributesChanged = true
  }
  if (attributesChanged) next.attributes = JSON.stringify(attributes)
  return Object.keys(next).length > 0 ? next : undefined
}

async function write(
  ctx: ImportWriteContext,
  index: CustomerIndex,
  created: Map<string, StoredCustomer>,
  before: Map<string, StoredCustomer>,
  newIdentities: [string, string][],
  now: string,
): Promise<void> {
  const changes: ImportChange[] = []
  if (created.size > 0) {
    const values = [...created.values()]
    await ctx.sql.insertRows(
      ctx.db,
      'customers',
      customerColumns,
      values.map((customer) => customerColumns.map((column) => customer[column])),
    )
    changes.push({ key: createdChangeKey, before: values.map((customer) => customer.id) })
  }
  for (const [id, previous] of before) {
    const current = index.byId.get(id)!
    await ctx.db
      .updateTable('customers')
      .set({
        external_id: current.external_id,
        email: current.email,
        email_key: current.email_key,
        name: current.name,
        segment: current.segment,
        region: current.region,
        plan: current.plan,
        attributes: current.attributes,
      })
      .where('workspace_id', '=', ctx.workspace)
      .where('id', '=', id)
      .execute()
    changes.push({ key: customerChangeKey(id), before: previous })
  }
  if (newIdentities.length > 0) {
    await ctx.sql.insertRows(
      ctx.db,
      'customer_identities',
      ['workspace_id', 'source', 'source_id', 'customer_id', 'created_at'],
      newIdentities.map(([sourceId, customerId]) => [ctx.workspace, ctx.source, sourceId, customerId, now]),
    )
    changes.push({ key: identitiesChangeKey(ctx.source), before: newIdentities.map(([sourceId]) => sourceId) })
  }
  await ctx.recordChanges(changes)
}
