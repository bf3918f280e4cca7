import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { daysPerUnit } from '../models/customer-summary.js'
import { dayMs, untilDayNumber } from './day-number.js'
import { purchaseDays, type SummaryScope } from './summarise-purchases.js'

/** One customer's summary in the scope's unit, with the mean of their repeat purchases (null without any). */
export interface CustomerSummary {
  customerId: string
  x: number
  tx: number
  T: number
  /** Mean spend per repeat purchase day, the first purchase day left out; null when x = 0. */
  monetary: number | null
}

/**
 * Per-customer summaries computed in SQL, a page at a time in customer-id order, so a million
 * customers never sit in one result. Pass the last id of a page as `after` for the next.
 *
 * @example
 * for (let page = await summariseCustomers(db, scope); page.length; page = await summariseCustomers(db, scope, { after: page.at(-1)!.customerId })) …
 */
export async function summariseCustomers(
  db: Kysely<any>,
  scope: SummaryScope,
  options: { after?: string; limit?: number; customerId?: string } = {},
): Promise<CustomerSummary[]> {
  const untilDay = untilDayNumber(scope.until)
  const limit = options.limit ?? 50_000
  let days = purchaseDays(db, scope)
  if (options.after !== undefined) days = days.where('customer_id', '>', options.after)
  if (options.customerId !== undefined) days = days.where('customer_id', '=', options.customerId)
  else {
    // The page's last customer first, from the customer index alone: without this bound every page
    // would group all the purchases after it, and a million customers would cost pages × purchases.
    let pageCustomers = db
      .selectFrom('churn_clv_transactions')
      .where('workspace_id', '=', scope.workspace)
      .where('occurred_ms', '<', (untilDay + 1) * dayMs)
      .select('customer_id')
      .distinct()
      .orderBy('customer_id')
      .limit(limit)
    if (options.after !== undefined) pageCustomers = pageCustomers.where('customer_id', '>', options.after)
    const lastOfPage = db.selectFrom(pageCustomers.as('page')).select(sql<string>`max(page.customer_id)`.as('last'))
    days = days.where('customer_id', '<=', lastOfPage)
  }
  const rows = await db
    .with('days', () => days)
    .with('customers', (qb) =>
      qb
        .selectFrom('days')
        .select([
          'customer_id',
          sql<number>`count(*) - 1`.as('x'),
          sql<number>`min(day)`.as('first_day'),
          sql<number>`max(day)`.as('last_day'),
          sql<number>`sum(total)`.as('spent'),
        ])
        .groupBy('customer_id')
        .orderBy('customer_id')
        .limit(limit),
    )
    .selectFrom('customers as c')
    .innerJoin('days as d', (join) =>
      join.onRef('d.customer_id', '=', 'c.customer_id').onRef('d.day', '=', 'c.first_day'),
    )
    .select([
      'c.customer_id',
      'c.x',
      sql<number>`c.last_day - c.first_day`.as('recency_days'),
      sql<number>`${sql.lit(untilDay)} - c.first_day`.as('age_days'),
      sql<number>`c.spent - d.total`.as('repeat_spent'),
    ])
    .orderBy('c.customer_id')
    .execute()
  const perUnit = daysPerUnit[scope.unit]
  return rows.map((row) => {
    const x = Number(row.x)
    return {
      customerId: row.customer_id as string,
      x,
      tx: Number(row.recency_days) / perUnit,
      T: Number(row.age_days) / perUnit,
      monetary: x > 0 ? Number(row.repeat_spent) / x : null,
    }
  })
}
