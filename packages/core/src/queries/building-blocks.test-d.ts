import type { Kysely } from 'kysely'
import { describe, expectTypeOf, it } from 'vitest'
import type { CoreTables } from '../contracts/core-tables.js'
import type { SqlDialect } from '../contracts/sql-dialect.js'
import { proportion } from '../stats/proportion.js'
import { aggregateGroups } from './aggregate-groups.js'
import { findCustomers } from './find-customers.js'
import { workspaceTables } from './workspace-tables.js'

type Tables = {
  fcr_tickets: { id: string; workspace_id: string; contacts: number; closed_at: string }
  fcr_lookup: { code: string; label: string }
}
declare const ctx: { db: Kysely<CoreTables>; sql: SqlDialect }
const query = { groupBy: [], filters: {} }

describe('the metric building blocks', () => {
  it('select only tables that carry a workspace, under their alias', () => {
    const tickets = workspaceTables<Tables>(ctx, 'w').selectFrom('fcr_tickets as t').select('t.contacts')
    expectTypeOf(tickets.executeTakeFirstOrThrow()).resolves.toEqualTypeOf<{ contacts: number }>()
    // @ts-expect-error a table without workspace_id has no workspace scope
    workspaceTables<Tables>(ctx, 'w').selectFrom('fcr_lookup')
    // @ts-expect-error a misspelt table
    workspaceTables<Tables>(ctx, 'w').selectFrom('fcr_ticket')
  })

  it('check the time column, the sums and what the result reads', () => {
    const rows = workspaceTables<Tables>(ctx, 'w').selectFrom('fcr_tickets as t')
    aggregateGroups(ctx, query, {
      rows,
      // @ts-expect-error a misspelt column
      time: 't.closed',
      sums: (eb) => ({ n: eb.fn.countAll<number>() }),
      result: () => proportion(0, 0),
    })
    aggregateGroups(ctx, query, {
      rows,
      time: 't.closed_at',
      sums: (eb) => ({ n: eb.fn.countAll<number>() }),
      // @ts-expect-error `hits` is not among the sums
      result: (s) => proportion(s.hits, s.n),
    })
  })

  it('type the customers found by the columns asked for', async () => {
    const found = await findCustomers(ctx, 'w', ['c-1'], ['id', 'segment'])
    expectTypeOf(found.get('c-1')!).toEqualTypeOf<{ id: string; segment: string | null; external_id: string }>()
  })
})
