import { type Customer, createHost } from '@cxkit/core'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { insertCustomers } from '../repositories/customers.js'
import { createWorkspace } from '../repositories/workspaces.js'
import type { TestDialect } from '../testing/test-databases.js'

/** A plugin's own table, as the building blocks' tests see it. */
export type TicketTables = {
  test_tickets: { id: string; workspace_id: string; customer_id: string; closed_at: string; contacts: number }
}

/** Customers whose segment and industry are real, empty, absent, or the text `(none)`. */
export const customers: Customer[] = [
  { externalId: 'A', segment: 'smb', attributes: { industry: 'retail' } },
  { externalId: 'B', segment: '', attributes: { industry: '' } },
  { externalId: 'C', attributes: {} },
  { externalId: 'D', segment: 'enterprise', attributes: { industry: 'travel' } },
  { externalId: 'E', segment: '(none)', attributes: { industry: '(none)' } },
]

export interface Ticket {
  customer: string
  closedAt: string
  contacts: number
}

/** Tickets over three months; two fall outside the period used by the tests. */
export const tickets: Ticket[] = [
  { customer: 'A', closedAt: '2026-01-01T00:00:00.000Z', contacts: 1 },
  { customer: 'A', closedAt: '2026-01-15T10:00:00.000Z', contacts: 2 },
  { customer: 'A', closedAt: '2026-02-03T10:00:00.000Z', contacts: 1 },
  { customer: 'B', closedAt: '2026-01-20T10:00:00.000Z', contacts: 1 },
  { customer: 'B', closedAt: '2026-03-31T23:59:59.999Z', contacts: 3 },
  { customer: 'C', closedAt: '2026-02-10T10:00:00.000Z', contacts: 1 },
  { customer: 'C', closedAt: '2026-03-01T00:00:00.000Z', contacts: 1 },
  { customer: 'D', closedAt: '2026-03-15T10:00:00.000Z', contacts: 2 },
  { customer: 'D', closedAt: '2026-02-28T10:00:00.000Z', contacts: 1 },
  { customer: 'E', closedAt: '2026-01-05T10:00:00.000Z', contacts: 1 },
  { customer: 'E', closedAt: '2026-04-01T00:00:00.000Z', contacts: 1 }, // on `to`: outside
  { customer: 'A', closedAt: '2025-12-31T23:59:59.999Z', contacts: 1 }, // before `from`: outside
]
export const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }

/**
 * A database with the core tables, a workspace `w` holding the customers and tickets above, and a
 * workspace `other` holding the same customers with tickets that all took one contact: a query that
 * forgets the workspace counts them.
 */
export async function openTicketsDatabase(dialect: TestDialect): Promise<CxDatabase> {
  const database = await dialect.open()
  await migrate(database, createHost([]))
  await database.db.schema
    .createTable('test_tickets')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('closed_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('contacts', 'integer', (col) => col.notNull())
    .execute()
  for (const workspace of ['w', 'other']) {
    await createWorkspace(database, { id: workspace, name: workspace, locale: 'en' })
    const ids = await insertCustomers(database, workspace, customers)
    const idOf = (externalId: string) => ids[customers.findIndex((c) => c.externalId === externalId)]!
    await database.db
      .withTables<TicketTables>()
      .insertInto('test_tickets')
      .values(
        tickets.map((ticket, index) => ({
          id: `${workspace}-${index}`,
          workspace_id: workspace,
          customer_id: idOf(ticket.customer),
          closed_at: ticket.closedAt,
          contacts: workspace === 'w' ? ticket.contacts : 1,
        })),
      )
      .execute()
  }
  return database
}
