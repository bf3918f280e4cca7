import { type PluginContext, wilsonInterval } from '@cxkit/core'
import { type Kysely, sql } from 'kysely'
import type { ResolvedStep } from '../analysis/resolve-steps.js'
import { byteOrder } from '../analysis/byte-order.js'
import { touchpointCondition } from '../analysis/touchpoint-condition.js'
import type { PathsResult } from './paths-result.js'
import { toSankey } from './to-sankey.js'

export interface PathsInput {
  readonly workspace: string
  /** Paths start at the customer's first event of this step in the period; without one, at their first event. */
  readonly start?: ResolvedStep
  /** The most touchpoints a path lists. */
  readonly length: number
  readonly top: number
  /** Only events at most this long after the path's start. */
  readonly windowMs?: number
  readonly from?: string
  readonly to?: string
}

type Count = number | string | bigint

/**
 * The most common touchpoint sequences, counted in SQL: per customer, the events from the start on
 * (the first event of `start` in [from, to), or the first event in it), consecutive repeats of a
 * touchpoint collapsed, cut at `length`; then identical sequences counted. Events at the same instant
 * are ordered start step first, then by touchpoint id (by byte, as on SQLite), so the answer does not
 * change between runs nor between dialects.
 *
 * @example
 * await computePaths(ctx, { workspace: 'acme', length: 5, top: 10 })
 */
export async function computePaths(ctx: Pick<PluginContext, 'db' | 'sql'>, input: PathsInput): Promise<PathsResult> {
  const db = ctx.db as unknown as Kysely<any>
  const positions = Array.from({ length: input.length }, (_, index) => `p${index + 1}`)
  const startIds = input.start?.touchpointIds
  const startFirst = startIds
    ? sql`case when ${sql.ref('e.touchpoint_id')} in (${sql.join(startIds.length > 0 ? startIds : [''])}) then 0 else 1 end`
    : sql`0`
  const order = sql`${sql.ref('e.occurred_ms')}, ${startFirst}, ${byteOrder(ctx.sql, sql.ref<string>('e.touchpoint_id'))}, ${sql.ref('e.id')}`

  const rows = (await db
    .with('starts', (qb) => {
      let starts = qb.selectFrom('journey_events').where('workspace_id', '=', input.workspace)
      if (startIds) starts = starts.where((eb) => touchpointCondition(eb, 'touchpoint_id', startIds))
      if (input.from !== undefined) starts = starts.where('occurred_ms', '>=', Date.parse(input.from))
      if (input.to !== undefined) starts = starts.where('occurred_ms', '<', Date.parse(input.to))
      return starts.groupBy('customer_id').select((eb) => ['customer_id', eb.fn.min('occurred_ms').as('t0')])
    })
    .with('met', (qb) => {
      let met = qb
        .selectFrom('starts as s')
        .innerJoin('journey_events as e', (join) =>
          join
            .on('e.workspace_id', '=', input.workspace)
            .onRef('e.customer_id', '=', 's.customer_id')
            .onRef('e.occurred_ms', '>=', 's.t0'),
        )
        .select([
          'e.customer_id',
          'e.touchpoint_id',
          sql<
            string | null
          >`lag(${sql.ref('e.touchpoint_id')}) over (partition by ${sql.ref('e.customer_id')} order by ${order})`.as(
            'previous',
          ),
          sql<number>`row_number() over (partition by ${sql.ref('e.customer_id')} order by ${order})`.as('seq'),
        ])
      if (input.windowMs !== undefined) {
        met = met.where('e.occurred_ms', '<=', sql<number>`${sql.ref('s.t0')} + ${input.windowMs}`)
      }
      return met
    })
    .with('collapsed', (qb) =>
      qb
        .selectFrom('met')
        .where((eb) => eb.or([eb('previous', 'is', null), eb('previous', '<>', eb.ref('touchpoint_id'))]))
        .select([
          'customer_id',
          'touchpoint_id',
          sql<number>`row_number() over (partition by customer_id order by seq)`.as('position'),
        ]),
    )
    .with('sequences', (qb) =>
      qb
        .selectFrom('collapsed')
        .where('position', '<=', input.length)
        .groupBy('customer_id')
        .select(
          positions.map((name, index) =>
            sql<string | null>`max(case when position = ${sql.lit(index + 1)} then touchpoint_id end)`.as(name),
          ),
        ),
    )
    .selectFrom('sequences')
    .groupBy(positions)
    .select([...positions, sql<Count>`count(*)`.as('customers'), sql<Count>`sum(count(*)) over ()`.as('total')])
    .orderBy('customers', 'desc')
    .$call((query) =>
      // Shorter paths first among equals, on both dialects (they order nulls differently).
      positions.reduce(
        (ordered, name) => ordered.orderBy(byteOrder(ctx.sql, sql<string>`coalesce(${sql.ref(name)}, '')`)),
        query,
      ),
    )
    .limit(input.top)
    .execute()) as Record<string, string | null | Count>[]

  const total = Number(rows[0]?.total ?? 0)
  const paths = rows.map((row) => {
    const customers = Number(row.customers)
    return {
      touchpoints: positions.map((name) => row[name]).filter((id): id is string => typeof id === 'string'),
      customers,
      share: { value: customers / total, n: total, interval: wilsonInterval(customers, total) },
    }
  })
  const names = await touchpointNames(
    db,
    input.workspace,
    paths.flatMap((path) => path.touchpoints),
  )
  return {
    workspace: input.workspace,
    start: input.start ? { ...input.start, touchpointIds: [...input.start.touchpointIds] } : null,
    length: input.length,
    windowMs: input.windowMs ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    customers: total,
    paths,
    ...toSankey(paths, names),
  }
}

async function touchpointNames(
  db: Kysely<any>,
  workspace: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('touchpoints')
    .where('workspace_id', '=', workspace)
    .where('id', 'in', unique)
    .select(['id', 'name'])
    .execute()
  return new Map(rows.map((row) => [row.id as string, row.name as string]))
}
