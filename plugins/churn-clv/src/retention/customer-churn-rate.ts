import { aggregateGroups, defineMetric, proportion } from '@cxkit/core'
import { activityDimension, activityDimensions, activityGroupings, customerActivity } from './customer-activity.js'
import { inactivitySettingsDefaults, inactivitySettingsSchema } from './inactivity-settings.js'

/**
 * Customer churn rate over a period: of the customers active at its start (S), the share no longer active
 * at its end, under the inactivity rule (active at t = a purchase in the N days before t). Customers won
 * during the period do not offset losses. A Wilson interval on n = S.
 *
 * @example
 * await ctx.runMetric('customer-churn-rate', { workspace: 'acme', period: { from: '2026-01-01', to: '2026-04-01' }, groupBy: ['segment'] })
 */
export const customerChurnRateMetric = defineMetric({
  id: 'customer-churn-rate',
  label: { en: 'Customer churn rate', nl: 'Klantverloop' },
  description: {
    en: 'Share of the customers active at the start of the period who are no longer active at its end.',
    nl: 'Aandeel van de klanten die aan het begin van de periode actief waren en aan het eind niet meer.',
  },
  formula: {
    en: 'Churn = customers lost ÷ customers at the start (S); active = a purchase in the last N days (N = inactivity days); 95% Wilson interval',
    nl: 'Verloop = verloren klanten ÷ klanten aan het begin (S); actief = een aankoop in de laatste N dagen (N = inactiviteitsdagen); 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'lower-is-better',
  groupBy: activityGroupings,
  filters: activityDimensions,
  workspaceSettingsSchema: inactivitySettingsSchema,
  workspaceSettingsDefaults: inactivitySettingsDefaults,
  compute: (ctx, query, settings) =>
    aggregateGroups(ctx, query, {
      rows: customerActivity(ctx, query, settings.inactivityDays),
      time: 'a.bucket_at',
      dimension: (eb, key) => activityDimension(ctx, eb, key),
      sums: (eb) => ({ start: eb.fn.sum<number>('a.at_start'), kept: eb.fn.sum<number>('a.kept') }),
      result: (sums) => ({
        ...proportion(sums.start - sums.kept, sums.start),
        counts: { start: sums.start, lost: sums.start - sums.kept },
      }),
    }),
})
