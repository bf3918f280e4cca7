import { type PluginContext, wilsonInterval } from '@cxkit/core'
import { type QueryCreator, sql } from 'kysely'
import { byteOrder } from '../analysis/byte-order.js'
import { describeSteps } from '../analysis/resolve-steps.js'
import { type ReachInput, stepTable, withSteps } from '../funnel/reach-query.js'
import type { ExitsResult } from './exits-result.js'

export interface ExitsInput extends ReachInput {
  /** How many touchpoints to rank. */
  readonly top: number
}

interface ExitRow {
  touchpoint_id: string
  name: string | null
  stage_id: string | null
  customers: number | string | bigint
  not_completed: number | string | bigint
  entered: number | string | bigint
}

/**
 * Where customers stop: of the customers who entered the funnel (see `computeFunnel`) and did not
 * reach its last step within the window, the touchpoint of each one's last event in the window
 * (anchor … anchor + W, any touchpoint), ranked by how many stopped there, with each share's 95 %
 * Wilson interval. Events at the same instant are told apart by touchpoint id (by byte, as on SQLite),
 * then event id, so the answer does not change between runs nor between dialects. One query.
 *
 * @example
 * await computeExits(ctx, { workspace: 'acme', steps, windowMs: 14 * 86_400_000, top: 10 })
 */
export async function computeExits(ctx: Pick<PluginContext, 'db' | 'sql'>, input: ExitsInput): Promise<ExitsResult> {
  // A customer who stopped after step k − 1 has a row with no time in s<k>: one row per customer.
  const stopped = (qb: QueryCreator<any>) => {
    const parts = input.steps.slice(1).map((_, index) =>
      qb
        .selectFrom(stepTable(index + 2))
        .where('t', 'is', null)
        .select(['customer_id', 't1']),
    )
    return parts.slice(1).reduce((union, part) => union.unionAll(part), parts[0]!)
  }
  const rows = (await withSteps(ctx, input)
    .with('stopped', (qb) =>
      qb.selectFrom(stopped(qb).as('r')).select((eb) =>
        eb
          .selectFrom('journey_events as e')
          .where('e.workspace_id', '=', input.workspace)
          .whereRef('e.customer_id', '=', 'r.customer_id')
          .whereRef('e.occurred_ms', '>=', 'r.t1')
          .where('e.occurred_ms', '<=', sql<number>`${sql.ref('r.t1')} + ${input.windowMs}`)
          .orderBy('e.occurred_ms', 'desc')
          .orderBy(byteOrder(ctx.sql, sql.ref<string>('e.touchpoint_id')), 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .select('e.touchpoint_id')
          .as('touchpoint_id'),
      ),
    )
    .selectFrom('stopped as s')
    .leftJoin('touchpoints as t', (join) =>
      join.onRef('t.id', '=', 's.touchpoint_id').on('t.workspace_id', '=', input.workspace),
    )
    .groupBy(['s.touchpoint_id', 't.name', 't.stage_id'])
    .select((eb) => [
      's.touchpoint_id',
      't.name',
      't.stage_id',
      eb.fn.countAll().as('customers'),
      sql<number>`sum(count(*)) over ()`.as('not_completed'),
      eb
        .selectFrom(stepTable(1))
        .select((inner) => inner.fn.countAll().as('n'))
        .as('entered'),
    ])
    .orderBy('customers', 'desc')
    .orderBy(byteOrder(ctx.sql, sql.ref<string>('s.touchpoint_id')))
    .limit(input.top)
    .execute()) as ExitRow[]

  const notCompleted = Number(rows[0]?.not_completed ?? 0)
  const entered = rows.length > 0 ? Number(rows[0]!.entered) : await countEntered(ctx, input)
  return {
    workspace: input.workspace,
    steps: describeSteps(input.steps),
    windowMs: input.windowMs,
    from: input.from ?? null,
    to: input.to ?? null,
    entered,
    notCompleted,
    exits: rows.map((row) => {
      const customers = Number(row.customers)
      return {
        touchpointId: row.touchpoint_id,
        name: row.name,
        stageId: row.stage_id,
        customers,
        share: { value: customers / notCompleted, n: notCompleted, interval: wilsonInterval(customers, notCompleted) },
      }
    }),
  }
}

/** Entered when nobody stopped (everyone completed, or nobody entered): the ranking query has no row then. */
async function countEntered(ctx: Pick<PluginContext, 'db' | 'sql'>, input: ReachInput): Promise<number> {
  const row = await withSteps(ctx, input)
    .selectFrom(stepTable(1))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
