import type { Kysely } from 'kysely'
import type { ChurnRiskTables } from '../tables.js'
import type { Contact, ContactInput } from './risk-schemas.js'

/** The most contacts one listing returns. */
export const maxContactsListed = 200

/**
 * Records that the retention team reached (or tried) a customer. Every signal before `contactedAt` counts as
 * answered: the customer leaves the churn-risk list until a new one arrives.
 *
 * @example
 * await recordContact(db, 'acme', { id: customerId, externalId: 'C-1' }, { customer: 'C-1', by: 'Eva', outcome: 'reached' })
 */
export async function recordContact(
  db: Kysely<any>,
  workspace: string,
  customer: { id: string; externalId: string },
  input: ContactInput,
  now: Date = new Date(),
): Promise<Contact> {
  const contact: Contact = {
    id: crypto.randomUUID(),
    customer: customer.externalId,
    contactedAt: input.contactedAt ?? now.toISOString(),
    by: input.by,
    note: input.note?.trim() ? input.note : null,
    outcome: input.outcome,
  }
  await (db as Kysely<ChurnRiskTables>)
    .insertInto('churn_clv_contacts')
    .values({
      id: contact.id,
      workspace_id: workspace,
      customer_id: customer.id,
      contacted_at: contact.contactedAt,
      contacted_by: contact.by,
      note: contact.note,
      outcome: contact.outcome,
      created_at: now.toISOString(),
    })
    .execute()
  return contact
}

/**
 * A customer's contacts, newest first (at most {@link maxContactsListed}).
 *
 * @example
 * const contacts = await listContacts(db, 'acme', { id: customerId, externalId: 'C-1' })
 */
export async function listContacts(
  db: Kysely<any>,
  workspace: string,
  customer: { id: string; externalId: string },
): Promise<Contact[]> {
  const rows = await (db as Kysely<ChurnRiskTables>)
    .selectFrom('churn_clv_contacts')
    .where('workspace_id', '=', workspace)
    .where('customer_id', '=', customer.id)
    .orderBy('contacted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(maxContactsListed)
    .select(['id', 'contacted_at', 'contacted_by', 'note', 'outcome'])
    .execute()
  return rows.map((row) => ({
    id: row.id,
    customer: customer.externalId,
    contactedAt: row.contacted_at,
    by: row.contacted_by,
    note: row.note,
    outcome: row.outcome as Contact['outcome'],
  }))
}
