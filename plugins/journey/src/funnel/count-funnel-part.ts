import type { PluginContext } from '@cxkit/core'
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { ReachGroup, ReachInput } from './reach-query.js'
import { reachedAt, reachPerCustomer } from './reach-per-customer.js'

/**
 * One group's figures in one part of the customers: `reached_k` per step, and per later step `gaps_k`,
 * the times from step k − 1 to step k of those who reached k, as comma-separated ms (null for none).
 */
export type FunnelPartRow = { g: string | null } & Record<string, number | string | bigint | null>

/** The column of step k's count. */
export const reachedColumn = (k: number) => `reached_${k}`
/** The column of step k's packed times from the previous step. */
export const gapsColumn = (k: number) => `gaps_${k}`

/**
 * Counts a funnel over one part of the customers: one row, or one row per group, at most `maxRows`.
 * The times come back whole, as text, since a median is not the sum of its parts' medians: a part
 * of a million customers hands over about ten bytes per customer and step.
 *
 * @example
 * const rows = await countFunnelPart(ctx, input, { customers: inCustomerPart(points, 0), maxRows: 51 })
 */
export async function countFunnelPart(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  input: ReachInput,
  options: FunnelPartOptions,
): Promise<FunnelPartRow[]> {
  return (await funnelPartQuery(ctx, input, options).execute()) as FunnelPartRow[]
}

export interface FunnelPartOptions {
  readonly group?: ReachGroup
  readonly customers?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>
  readonly maxRows: number
}

/** The query {@link countFunnelPart} runs. */
export function funnelPartQuery(ctx: Pick<PluginContext, 'db' | 'sql'>, input: ReachInput, options: FunnelPartOptions) {
  const db = ctx.db as unknown as Kysely<any>
  const { group } = options
  const reach = reachPerCustomer(ctx, input, {
    ...(group ? { group } : {}),
    ...(options.customers ? { customers: options.customers } : {}),
  })
  let query = db
    .selectFrom(reach.as('r'))
    .select((eb) => [
      group ? sql.ref<string | null>('r.g').as('g') : sql<string | null>`null`.as('g'),
      eb.fn.countAll().as(reachedColumn(1)),
    ])
  for (let k = 2; k <= input.steps.length; k++) {
    const step = sql.ref(`r.${reachedAt(k)}`)
    const gap = sql`${step} - ${sql.ref(`r.${reachedAt(k - 1)}`)}`
    query = query.select((eb) => [
      eb.fn.count(step).as(reachedColumn(k)),
      // string_agg: PostgreSQL's, and SQLite's since 3.44; nulls (not reached) are left out.
      sql<string | null>`string_agg(cast(${gap} as varchar), ',')`.as(gapsColumn(k)),
    ])
  }
  if (group) query = query.groupBy('r.g')
  return query.limit(options.maxRows)
}
