import type { AliasableExpression, Expression, ExpressionBuilder, SelectQueryBuilder, StringReference } from 'kysely'
import { breakdownKeys, type MetricResult } from '../contracts/define-metric.js'
import type { PluginContext } from '../contracts/plugin-context.js'
import type { NoSelection } from './workspace-tables.js'
import { type MetricQuery, type PeriodUnit, periodUnits } from '../schemas/metric-query.js'

/** A number as a database driver may hand back a SUM or COUNT (PostgreSQL: text or bigint). */
type SqlNumber = number | string | bigint | null

/** What a grouped metric reads and how one group's sums become a result. */
export interface GroupedAggregate<DB, TB extends keyof DB, Sum extends string> {
  /** The rows the metric counts, already limited to the workspace and the period (see `workspaceTables`). */
  readonly rows: SelectQueryBuilder<DB, TB, NoSelection>
  /** The instant (or `YYYY-MM-DD` day) column that `day`, `week`, `month` and `quarter` group by. */
  readonly time: StringReference<DB, TB>
  /**
   * The SQL expression of a dimension key the metric offers (`segment`, `attr.industry`…), to group and
   * filter by; undefined for a key it does not know. Text that is empty or null is one "no value" group.
   */
  readonly dimension?: (
    eb: ExpressionBuilder<DB, TB>,
    key: string,
  ) => AliasableExpression<string | number | null> | undefined
  /** Dimension keys whose values are numbers (a score): grouped and ordered as they are. */
  readonly numberKeys?: readonly string[]
  /**
   * Aggregates by name, each a COUNT or SUM: a group's sums are what `result` reads, and the sums of
   * all groups add up to the total, so a breakdown costs one query.
   */
  readonly sums: (eb: ExpressionBuilder<DB, TB>) => Record<Sum, AliasableExpression<SqlNumber>>
  /** One group's (or the total's) sums as a result, e.g. `proportion(sums.hits, sums.n)`. */
  readonly result: (sums: Record<NoInfer<Sum>, number>) => MetricResult
}

/**
 * Runs a metric in SQL in one query: the rows filtered by `query.filters`, grouped by `query.groupBy`
 * (periods, dimensions, `attr.<key>`, one or two at a time), each group's sums turned into a breakdown
 * row with its n and interval by `result`, and the total from the sums of every group. Rows never
 * leave the database. No data gives `result` zeros: value null, n 0.
 *
 * @example
 * aggregateGroups(ctx, query, {
 *   rows: workspaceTables<FcrTables>(ctx, query.workspace).selectFrom('fcr_tickets as t')
 *     .where('t.closed_at', '>=', query.period.from).where('t.closed_at', '<', query.period.to),
 *   time: 't.closed_at',
 *   sums: (eb) => ({ n: eb.fn.countAll<number>(), hits: eb.fn.sum<number>(eb.case().when('t.contacts', '=', 1).then(1).else(0).end()) }),
 *   result: (sums) => proportion(sums.hits, sums.n),
 * })
 */
export async function aggregateGroups<DB, TB extends keyof DB, Sum extends string>(
  ctx: Pick<PluginContext, 'sql'>,
  query: Pick<MetricQuery, 'groupBy' | 'filters'>,
  metric: GroupedAggregate<DB, TB, Sum>,
): Promise<MetricResult> {
  const expressionOf = (eb: ExpressionBuilder<DB, TB>, key: string): AliasableExpression<unknown> => {
    // The time column holds ISO text (an instant or a day), which Kysely cannot tell from its type here.
    if (isPeriodUnit(key)) return ctx.sql.periodStart(eb.ref(metric.time) as Expression<string>, key)
    const dimension = metric.dimension?.(eb, key)
    // A key the metric offers but cannot compute is the plugin's fault: the server reports it as a 500.
    if (!dimension) throw new Error(`the metric offers '${key}' but has no dimension for it`)
    return dimension
  }
  // Periods are never empty and numbers have no empty text: only text dimensions can lack a value.
  const groupKey = (eb: ExpressionBuilder<DB, TB>, key: string) =>
    isPeriodUnit(key) || metric.numberKeys?.includes(key)
      ? expressionOf(eb, key)
      : ctx.sql.groupKey(expressionOf(eb, key) as Expression<string | null>)

  // Kysely's types cannot follow a selection whose aliases (g0, g1, and the sums' names) are computed,
  // so the builder is typed loosely here; the rows read back are checked by name below.
  let rows = metric.rows as unknown as SelectQueryBuilder<any, any, NoSelection>
  for (const [key, value] of Object.entries(query.filters)) {
    rows = rows.where((eb) => eb(expressionOf(eb, key), '=', value))
  }
  const aliases = query.groupBy.map((_, index) => `g${index}`)
  let names: Sum[] = []
  let grouped = rows.select((eb) => {
    const sums = metric.sums(eb)
    names = Object.keys(sums) as Sum[]
    return [
      ...query.groupBy.map((key, index) => groupKey(eb, key).as(aliases[index]!)),
      // Prefixed, so that no sum's name can meet a group's alias.
      ...names.map((name) => sums[name].as(`sum_${name}`)),
    ]
  })
  for (const alias of aliases) grouped = grouped.groupBy(alias).orderBy(alias)
  const found: Record<string, unknown>[] = await grouped.execute()

  const sums = found.map((row) => numbers(row, names))
  const total = addUp(sums, names)
  if (query.groupBy.length === 0) return metric.result(total)
  return {
    ...metric.result(total),
    breakdown: found.map((row, index) => {
      const { value, n, interval, counts } = metric.result(sums[index]!)
      return { ...breakdownKeys(row, query.groupBy), value, n, interval: interval ?? null, ...(counts && { counts }) }
    }),
  }
}

function isPeriodUnit(key: string): key is PeriodUnit {
  return (periodUnits as readonly string[]).includes(key)
}

/** The sums of a row as numbers (a SUM over no rows is NULL: that is 0 here). */
function numbers<Sum extends string>(row: Record<string, unknown>, names: readonly Sum[]): Record<Sum, number> {
  const out = {} as Record<Sum, number>
  for (const name of names) out[name] = Number(row[`sum_${name}`] ?? 0)
  return out
}

function addUp<Sum extends string>(rows: readonly Record<Sum, number>[], names: readonly Sum[]): Record<Sum, number> {
  const total = {} as Record<Sum, number>
  for (const name of names) total[name] = 0
  for (const row of rows) for (const name of names) total[name] += row[name]
  return total
}
