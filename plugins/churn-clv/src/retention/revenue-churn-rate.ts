import {
  aggregateGroups,
  customerDimension,
  defineMetric,
  type MetricResult,
  type PluginContext,
  workspaceTables,
  zCritical,
} from '@cxkit/core'
import type { MetricQuery } from '@cxkit/core'
import { sql } from 'kysely'
import type { SubscriptionTables } from '../tables.js'
import { activityDimensions, activityGroupings } from './customer-activity.js'

/** Subscription terms with a price that fell due in the period (and before now), joined to the customer. */
function termsDue(ctx: Pick<PluginContext, 'db'>, query: Pick<MetricQuery, 'workspace' | 'period'>) {
  const now = new Date().toISOString()
  // ISO text compares as time does: the earlier of the period's end and now.
  const to = [query.period.to, now].sort()[0]!
  return workspaceTables<SubscriptionTables>(ctx, query.workspace)
    .selectFrom('churn_clv_subscription_terms as t')
    .innerJoin('churn_clv_subscriptions as s', 's.id', 't.subscription_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .where('t.amount', 'is not', null)
    .where('t.due_at', '>=', query.period.from)
    .where('t.due_at', '<', to)
}

/**
 * Revenue churn over a period: of the recurring revenue that fell due (terms due in the period, each
 * weighed by its amount), the share not renewed. n = terms. The interval is the ratio estimator's
 * (delta method): var = Σ(yᵢ − R·xᵢ)² / (n(n − 1)·x̄²), with x the amount and y the amount lost.
 * Terms due after now are not counted: they cannot have renewed yet.
 *
 * @example
 * await ctx.runMetric('revenue-churn-rate', { workspace: 'acme', period: { from: '2026-01-01', to: '2026-04-01' } })
 */
export const revenueChurnRateMetric = defineMetric({
  id: 'revenue-churn-rate',
  label: { en: 'Revenue churn rate', nl: 'Omzetverloop' },
  description: {
    en: 'Share of the subscription revenue due in the period that was not renewed.',
    nl: 'Aandeel van de abonnementsomzet die in de periode afliep en niet werd verlengd.',
  },
  formula: {
    en: 'Revenue churn = amount of terms due and not renewed ÷ amount of terms due; 95% interval of a ratio estimator',
    nl: 'Omzetverloop = bedrag van afgelopen, niet verlengde termijnen ÷ bedrag van afgelopen termijnen; 95%-interval van een ratioschatter',
  },
  unit: 'ratio',
  direction: 'lower-is-better',
  groupBy: activityGroupings,
  filters: activityDimensions,
  compute: (ctx, query) =>
    aggregateGroups(ctx, query, {
      rows: termsDue(ctx, query),
      time: 't.due_at',
      dimension: (eb, key) => customerDimension(ctx.sql, eb, 'c', key),
      sums: (eb) => ({
        n: eb.fn.countAll<number>(),
        due: eb.fn.sum<number>('t.amount'),
        lost: sql<number>`sum(case when t.renewed_at is null then t.amount else 0 end)`,
        dueSquared: sql<number>`sum(t.amount * t.amount)`,
        lostSquared: sql<number>`sum(case when t.renewed_at is null then t.amount * t.amount else 0 end)`,
      }),
      result: (sums) => revenueChurnResult(sums),
    }),
})

function revenueChurnResult(sums: {
  n: number
  due: number
  lost: number
  dueSquared: number
  lostSquared: number
}): MetricResult {
  const counts = { terms: sums.n, due: sums.due, lost: sums.lost }
  if (sums.n === 0 || sums.due <= 0) return { value: null, n: sums.n, interval: null, counts }
  const ratio = sums.lost / sums.due
  if (sums.n < 2) return { value: ratio, n: sums.n, interval: null, counts }
  // Σ(y − R·x)² with y = x when lost: Σy² − 2R·Σxy + R²·Σx², where Σy² = Σxy = the lost amounts squared.
  const residuals = Math.max(0, sums.lostSquared - 2 * ratio * sums.lostSquared + ratio * ratio * sums.dueSquared)
  const mean = sums.due / sums.n
  const standardError = Math.sqrt(residuals / (sums.n * (sums.n - 1))) / mean
  const z = zCritical(0.95)
  return {
    value: ratio,
    n: sums.n,
    interval: {
      lower: Math.max(0, ratio - z * standardError),
      upper: Math.min(1, ratio + z * standardError),
      level: 0.95,
    },
    standardError,
    counts,
  }
}
