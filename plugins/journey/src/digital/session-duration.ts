import { aggregateGroups, defineMetric, meanInterval, meanResult } from '@cxkit/core'
import { sessionDimension, sessionDimensions, sessionEvents, sessionGroupings } from './session-events.js'

/**
 * Mean session duration: last − first event time of each session in seconds, averaged over sessions,
 * with a t-interval. One-event sessions count as 0 and are reported apart as `counts.oneEventSessions`.
 * A session counts at the touchpoint, day and customer of its first event (its landing touchpoint).
 *
 * @example
 * await ctx.runMetric('session-duration', { workspace: 'demo', period, groupBy: ['week'] })
 */
export const sessionDurationMetric = defineMetric({
  id: 'session-duration',
  label: { en: 'Mean session duration', nl: 'Gemiddelde sessieduur' },
  description: {
    en: 'How long sessions last, from their first to their last event, by the touchpoint they start at.',
    nl: 'Hoe lang sessies duren, van de eerste tot de laatste gebeurtenis, naar het contactpunt waar ze beginnen.',
  },
  formula: {
    en: 'Mean session duration = Σ (last − first event time) ÷ sessions, in seconds; one-event sessions count as 0 and are reported apart; 95% t-interval',
    nl: 'Gemiddelde sessieduur = Σ (laatste − eerste gebeurtenistijd) ÷ sessies, in seconden; sessies van één gebeurtenis tellen als 0 en worden apart gemeld; 95%-t-interval',
  },
  unit: 'duration',
  direction: 'neutral',
  groupBy: sessionGroupings,
  filters: sessionDimensions,
  compute: (ctx, query) =>
    aggregateGroups(ctx, query, {
      rows: sessionEvents(ctx, query).where('e.position', '=', 1),
      time: 'e.occurred_at',
      dimension: (eb, key) => sessionDimension(ctx, eb, key),
      sums: (eb) => ({
        n: eb.fn.countAll<number>(),
        seconds: eb.fn.sum<number>('e.session_seconds'),
        squares: eb.fn.sum<number>(eb('e.session_seconds', '*', eb.ref('e.session_seconds'))),
        oneEvent: eb.fn.sum<number>(eb.case().when('e.session_events', '=', 1).then(1).else(0).end()),
      }),
      result: (sums) => ({
        ...meanResult(meanInterval({ n: sums.n, sum: sums.seconds, sumOfSquares: sums.squares })),
        counts: { sessions: sums.n, oneEventSessions: sums.oneEvent },
      }),
    }),
})
