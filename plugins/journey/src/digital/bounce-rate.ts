import { aggregateGroups, defineMetric, proportion } from '@cxkit/core'
import { sessionDimension, sessionDimensions, sessionEvents, sessionGroupings } from './session-events.js'

/**
 * Bounce rate at a touchpoint T: sessions of exactly one event that start at T ÷ sessions that start
 * at T, with a Wilson interval. A session counts at the touchpoint, day and customer of its first event.
 *
 * @example
 * await ctx.runMetric('bounce-rate', { workspace: 'demo', period, groupBy: ['touchpoint'] })
 */
export const bounceRateMetric = defineMetric({
  id: 'bounce-rate',
  label: { en: 'Bounce rate', nl: 'Bouncepercentage' },
  description: {
    en: 'Share of the sessions starting at a touchpoint that end there without a second event.',
    nl: 'Aandeel van de sessies die bij een contactpunt beginnen en daar zonder tweede gebeurtenis eindigen.',
  },
  formula: {
    en: 'Bounce rate at T = sessions of exactly one event that start at T ÷ sessions that start at T; 95% Wilson interval',
    nl: 'Bouncepercentage bij T = sessies van precies één gebeurtenis die bij T beginnen ÷ sessies die bij T beginnen; 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'lower-is-better',
  groupBy: sessionGroupings,
  filters: sessionDimensions,
  compute: (ctx, query) =>
    aggregateGroups(ctx, query, {
      rows: sessionEvents(ctx, query).where('e.position', '=', 1),
      time: 'e.occurred_at',
      dimension: (eb, key) => sessionDimension(ctx, eb, key),
      sums: (eb) => ({
        n: eb.fn.countAll<number>(),
        bounces: eb.fn.sum<number>(eb.case().when('e.session_events', '=', 1).then(1).else(0).end()),
      }),
      result: (sums) => proportion(sums.bounces, sums.n),
    }),
})
