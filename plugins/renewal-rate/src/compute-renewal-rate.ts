import {
  aggregateGroups,
  customerDimension,
  customerDimensionKeys,
  defineMetric,
  type MetricQuery,
  type MetricResult,
  type PluginContext,
  periodUnits,
  proportion,
  workspaceTables,
} from '@cxkit/core'
import type { RenewalRateTables } from './tables.js'

/**
 * Renewal rate = subscription terms due in the period that renewed ÷ terms due in the period, grouped
 * by period, customer dimension or attribute: one aggregate query, rows never leave the database.
 */
export function computeRenewalRate(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  return aggregateGroups(ctx, query, {
    rows: workspaceTables<RenewalRateTables>(ctx, query.workspace)
      .selectFrom('churn_clv_subscription_terms as t')
      .innerJoin('churn_clv_subscriptions as s', 's.id', 't.subscription_id')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .where('t.due_at', '>=', query.period.from)
      .where('t.due_at', '<', query.period.to),
    time: 't.due_at',
    dimension: (eb, key) => customerDimension(ctx.sql, eb, 'c', key),
    sums: (eb) => ({
      due: eb.fn.countAll<number>(),
      renewed: eb.fn.sum<number>(eb.case().when('t.renewed_at', 'is not', null).then(1).else(0).end()),
    }),
    result: (sums) => proportion(sums.renewed, sums.due),
  })
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
