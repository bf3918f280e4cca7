import { aggregateGroups, defineMetric, type MetricResult, wilsonInterval } from '@cxkit/core'
import { activityDimension, activityDimensions, activityGroupings, customerActivity } from './customer-activity.js'
import { inactivitySettingsDefaults, inactivitySettingsSchema } from './inactivity-settings.js'

/**
 * Customer retention rate over a period: (E − N) ÷ S, with S the customers active at its start, E those
 * active at its end and N the new customers among E (first purchase in the period). E − N also counts
 * customers who had lapsed before the period and came back; with none of them it is the share of S kept,
 * with a Wilson interval. Beyond S (more came back than were lost) there is no proportion: no interval.
 *
 * @example
 * await ctx.runMetric('customer-retention-rate', { workspace: 'acme', period: { from: '2026-01-01', to: '2026-04-01' } })
 */
export const customerRetentionRateMetric = defineMetric({
  id: 'customer-retention-rate',
  label: { en: 'Customer retention rate', nl: 'Klantbehoud' },
  description: {
    en: 'End customers minus new customers, over the customers at the start of the period.',
    nl: 'Klanten aan het eind min nieuwe klanten, gedeeld door de klanten aan het begin van de periode.',
  },
  formula: {
    en: 'Retention = (E − N) ÷ S: E active at the end, N new and active at the end, S active at the start; active = a purchase in the last N days; 95% Wilson interval',
    nl: 'Behoud = (E − N) ÷ S: E actief aan het eind, N nieuw en actief aan het eind, S actief aan het begin; actief = een aankoop in de laatste N dagen; 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'higher-is-better',
  groupBy: activityGroupings,
  filters: activityDimensions,
  workspaceSettingsSchema: inactivitySettingsSchema,
  workspaceSettingsDefaults: inactivitySettingsDefaults,
  compute: (ctx, query, settings) =>
    aggregateGroups(ctx, query, {
      rows: customerActivity(ctx, query, settings.inactivityDays),
      time: 'a.bucket_at',
      dimension: (eb, key) => activityDimension(ctx, eb, key),
      sums: (eb) => ({
        start: eb.fn.sum<number>('a.at_start'),
        end: eb.fn.sum<number>('a.at_end'),
        new: eb.fn.sum<number>('a.new_at_end'),
        kept: eb.fn.sum<number>('a.kept'),
      }),
      result: (sums) => retentionResult(sums),
    }),
})

function retentionResult(sums: { start: number; end: number; new: number; kept: number }): MetricResult {
  const counts = { start: sums.start, end: sums.end, new: sums.new, kept: sums.kept }
  if (sums.start === 0) return { value: null, n: 0, interval: null, counts }
  const retained = sums.end - sums.new
  const value = retained / sums.start
  const isShare = retained <= sums.start
  return {
    value,
    n: sums.start,
    interval: isShare ? wilsonInterval(retained, sums.start) : null,
    standardError: isShare ? Math.sqrt((value * (1 - value)) / sums.start) : null,
    counts,
  }
}
