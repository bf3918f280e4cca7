import { aggregateGroups, defineMetric, proportion } from '@cxkit/core'
import { sessionDimension, sessionDimensions, sessionEvents, sessionGroupings } from './session-events.js'

/**
 * Exit rate at a touchpoint T: sessions whose last event is at T ÷ events (views) at T, with a Wilson
 * interval. Each event with a session id is one view; the last event of each session is one exit.
 *
 * @example
 * await ctx.runMetric('exit-rate', { workspace: 'demo', period, groupBy: ['touchpoint'] })
 */
export const exitRateMetric = defineMetric({
  id: 'exit-rate',
  label: { en: 'Exit rate', nl: 'Uitstappercentage' },
  description: {
    en: 'Share of the views of a touchpoint that were the last event of their session.',
    nl: 'Aandeel van de bezoeken aan een contactpunt dat de laatste gebeurtenis van de sessie was.',
  },
  formula: {
    en: 'Exit rate at T = sessions whose last event is at T ÷ events (views) at T; 95% Wilson interval',
    nl: 'Uitstappercentage bij T = sessies waarvan de laatste gebeurtenis bij T is ÷ gebeurtenissen (bezoeken) bij T; 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'lower-is-better',
  groupBy: sessionGroupings,
  filters: sessionDimensions,
  compute: (ctx, query) =>
    aggregateGroups(ctx, query, {
      rows: sessionEvents(ctx, query),
      time: 'e.occurred_at',
      dimension: (eb, key) => sessionDimension(ctx, eb, key),
      sums: (eb) => ({
        n: eb.fn.countAll<number>(),
        exits: eb.fn.sum<number>(eb.case().when('e.from_end', '=', 1).then(1).else(0).end()),
      }),
      result: (sums) => proportion(sums.exits, sums.n),
    }),
})
