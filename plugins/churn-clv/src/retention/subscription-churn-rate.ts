import { aggregateGroups, defineMetric, proportion } from '@cxkit/core'
import { activityDimensions, activityGroupings } from './customer-activity.js'
import { subscriptionDimension, subscriptionsInForce } from './subscriptions-in-force.js'

/**
 * Subscription churn rate over a period: of the subscriptions in force at its start, the share that ended
 * by its end (an end is when the subscription stops being in force, not when notice was given). New
 * subscriptions do not offset losses. n = subscriptions at the start; 95 % Wilson interval.
 *
 * @example
 * await ctx.runMetric('subscription-churn-rate', { workspace: 'acme', period: { from: '2026-01-01', to: '2026-04-01' }, groupBy: ['month'] })
 */
export const subscriptionChurnRateMetric = defineMetric({
  id: 'subscription-churn-rate',
  label: { en: 'Subscription churn rate', nl: 'Opzeggingspercentage abonnementen' },
  description: {
    en: 'Share of the subscriptions in force at the start of the period that ended before its end.',
    nl: 'Aandeel van de abonnementen die aan het begin van de periode liepen en vóór het eind zijn beëindigd.',
  },
  formula: {
    en: 'Subscription churn = subscriptions ended in the period ÷ subscriptions in force at its start; 95% Wilson interval',
    nl: 'Abonnementsverloop = in de periode beëindigde abonnementen ÷ abonnementen die aan het begin liepen; 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'lower-is-better',
  groupBy: activityGroupings,
  filters: activityDimensions,
  compute: (ctx, query) =>
    aggregateGroups(ctx, query, {
      rows: subscriptionsInForce(ctx, query),
      time: 'a.bucket_at',
      dimension: (eb, key) => subscriptionDimension(ctx, eb, key),
      sums: (eb) => ({ start: eb.fn.countAll<number>(), lost: eb.fn.sum<number>('a.lost') }),
      result: (sums) => ({ ...proportion(sums.lost, sums.start), counts: { start: sums.start, lost: sums.lost } }),
    }),
})
