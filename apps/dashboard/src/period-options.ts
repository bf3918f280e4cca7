import type { MessageKey } from '@cxkit/ui'

/** The periods the dashboard offers, in days back from the end of today (UTC). */
export const periodOptions: { days: number; label: MessageKey }[] = [
  { days: 30, label: 'period.last30' },
  { days: 90, label: 'period.last90' },
  { days: 365, label: 'period.last365' },
  { days: 730, label: 'period.last730' },
]

/**
 * The half-open period [today − days + 1, tomorrow) as ISO dates.
 *
 * @example
 * periodEndingToday(30, new Date('2026-03-31T12:00:00Z')) // { from: '2026-03-02', to: '2026-04-01' }
 */
export function periodEndingToday(days: number, now = new Date()): { from: string; to: string } {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  const from = new Date(tomorrow - days * 86_400_000)
  return { from: from.toISOString().slice(0, 10), to: new Date(tomorrow).toISOString().slice(0, 10) }
}
