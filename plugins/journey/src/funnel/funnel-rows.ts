import { type ExpressionBuilder, type QueryCreator, sql } from 'kysely'
import { stepTable } from './reach-query.js'

/** One row per step and group: scope 0 rows are the whole funnel, scope 1 rows one group each. */
export interface StepRow {
  scope: number | string
  g: string | null
  step: number | string
  reached: number | string | bigint
  /** Median ms from the previous step; null for step 1 and for a step nobody reached. */
  median: number | string | null
}

/**
 * The whole funnel's rows: customers who entered (step 1), and per later step those who reached it with
 * the median of their time from the previous step. The median is the middle value (or the mean of the
 * two middle values) of that step's times in order, found with `order by … limit … offset`: one sort
 * per step, which costs far less on millions of customers than numbering every row with a window.
 *
 * @example
 * const rows = await totalRows(withSteps(ctx, input), input.steps.length).execute()
 */
export function totalRows(creator: QueryCreator<any>, stepCount: number) {
  let rows = creator
    .selectFrom(stepTable(1))
    .select((eb) => [
      sql.lit(0).as('scope'),
      sql<string | null>`null`.as('g'),
      sql.lit(1).as('step'),
      eb.fn.countAll<any>().as('reached'),
      sql<any>`null`.as('median'),
    ])
  for (let k = 2; k <= stepCount; k++) {
    const table = sql.table(stepTable(k))
    const reached = sql`(select count(t) from ${table})`
    rows = rows.unionAll((eb) =>
      eb
        .selectFrom(stepTable(k))
        .select((inner) => [
          sql.lit(0).as('scope'),
          sql<string | null>`null`.as('g'),
          sql.lit(k).as('step'),
          inner.fn.count<any>('t').as('reached'),
          sql<any>`(select avg(d) from (select t - prev as d from ${table} where t is not null order by d limit 2 - ${reached} % 2 offset (${reached} - 1) / 2) as middle)`.as(
            'median',
          ),
        ]),
    )
  }
  return rows
}

/**
 * Defines `ranked`: every time from the previous step, numbered in order within its group and step,
 * with the count of its group and step, for {@link groupRows}.
 *
 * @example
 * totalRows(withGroupMedians(creator, 3), 3).unionAll((eb) => groupRows(eb))
 */
export function withGroupMedians(creator: QueryCreator<any>, stepCount: number): QueryCreator<any> {
  return creator
    .with('diffs', (qb) => {
      const parts = Array.from({ length: stepCount - 1 }, (_, index) =>
        qb
          .selectFrom(stepTable(index + 2))
          .where('t', 'is not', null)
          .select(['g', sql.lit(index + 2).as('step'), sql<number>`t - prev`.as('d')]),
      )
      return parts.slice(1).reduce((union, part) => union.unionAll(part), parts[0]!)
    })
    .with('ranked', (qb) =>
      qb
        .selectFrom('diffs')
        .select([
          'g',
          'step',
          'd',
          sql<number>`row_number() over (partition by g, step order by d)`.as('rn'),
          sql<number>`count(*) over (partition by g, step)`.as('n'),
        ]),
    )
}

/**
 * The rows of each group: entered per group, then reached and the median per group and later step
 * (needs {@link withGroupMedians}).
 *
 * @example
 * totalRows(withGroupMedians(creator, 3), 3).unionAll((eb) => groupRows(eb))
 */
export function groupRows(eb: ExpressionBuilder<any, any>) {
  return (
    eb
      .selectFrom('ranked')
      // The middle row, or the two middle rows of an even count: their mean is the median.
      .where(sql<boolean>`rn in ((n + 1) / 2, (n + 2) / 2)`)
      .groupBy(['g', 'step'])
      .select((inner) => [
        sql.lit(1).as('scope'),
        sql.ref<string | null>('g').as('g'),
        sql.ref<number>('step').as('step'),
        inner.fn.max<any>('n').as('reached'),
        inner.fn.avg<any>('d').as('median'),
      ])
      .unionAll(
        eb
          .selectFrom(stepTable(1))
          .groupBy('g')
          .select((inner) => [
            sql.lit(1).as('scope'),
            sql.ref<string | null>('g').as('g'),
            sql.lit(1).as('step'),
            inner.fn.countAll<any>().as('reached'),
            sql<any>`null`.as('median'),
          ]),
      )
  )
}
