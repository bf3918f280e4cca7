import {
  breakdownKeys,
  customerDimension,
  customerDimensionKeys,
  defineMetric,
  type MetricQuery,
  type PluginContext,
  periodUnits,
  proportion,
} from '@cxkit/core'
import type { ExpressionBuilder } from 'kysely'
import type { RenewalRateTables } from './tables.js'

const periodGroups: readonly string[] = periodUnits

/**
 * Renewal rate = subscriptions due in the period that renewed / subscriptions due in the period.
 * One aggregate query for the total and one for the breakdown: rows never leave the database.
 */
export async function computeRenewalRate({ db, sql }: PluginContext, query: MetricQuery) {
  const base = db
    .withTables<RenewalRateTables>()
    .selectFrom('renewal_rate_subscriptions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .where('s.workspace_id', '=', query.workspace)
    .where('s.due_at', '>=', query.period.from)
    .where('s.due_at', '<', query.period.to)
    .where((eb) =>
      eb.and(
        Object.entries(query.filters).map(([key, value]) => eb(customerDimension(sql, eb, 'c', key)!, '=', value)),
      ),
    )
  const counts = (eb: ExpressionBuilder<any, any>) =>
    [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('s.renewed_at', 'is not', null).then(1).else(0).end()).as('renewed'),
    ] as const

  const total = await base.select(counts).executeTakeFirstOrThrow()
  const result = proportion(total.renewed, total.n)
  const { groupBy } = query
  if (groupBy.length === 0) return result

  const aliases = groupBy.map((_, index) => `g${index}`)
  let grouped = base.select((eb) => [
    ...groupBy.map((key, index) =>
      (periodGroups.includes(key)
        ? sql.periodStart(eb.ref('s.due_at'), key as (typeof periodUnits)[number])
        : // Empty and absent values are one "no value" group.
          sql.groupKey(customerDimension(sql, eb, 'c', key)!)
      ).as(aliases[index]!),
    ),
    ...counts(eb),
  ])
  for (const alias of aliases) grouped = grouped.groupBy(alias as never).orderBy(alias as never)
  const rows = (await grouped.execute()) as unknown as ({ n: number; renewed: number } & Record<string, unknown>)[]
  return {
    ...result,
    breakdown: rows.map((row) => ({ ...breakdownKeys(row, groupBy), ...proportion(row.renewed, row.n) })),
  }
}

/** The renewal-rate metric. */
export const renewalRateMetric = defineMetric({
  id: 'renewal-rate',
  label: { en: 'Renewal rate', nl: 'Verlengingsratio' },
  description: {
    en: 'Share of subscriptions due in the period that renewed.',
    nl: 'Aandeel van de abonnementen die in de periode afliepen en verlengd werden.',
  },
  formula: {
    en: 'renewed subscriptions ÷ subscriptions due in the period (95% Wilson interval)',
    nl: 'verlengde abonnementen ÷ abonnementen die in de periode afliepen (95%-Wilson-interval)',
  },
  unit: 'ratio',
  direction: 'higher-is-better',
  groupBy: [...periodUnits, ...customerDimensionKeys],
  filters: customerDimensionKeys,
  compute: computeRenewalRate,
})
