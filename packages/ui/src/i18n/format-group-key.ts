/**
 * A breakdown key as a reader expects it: `2026-04-01` grouped by quarter reads "Q2 2026", by month
 * "Apr 2026" ("apr 2026" in Dutch); dimension values pass through unchanged.
 *
 * @example
 * formatGroupKey('2026-04-01', 'quarter', 'en') // 'Q2 2026'
 */
export function formatGroupKey(key: string, groupBy: string | undefined, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return key
  const date = new Date(`${key}T00:00:00Z`)
  switch (groupBy) {
    case 'quarter':
      return `${locale === 'nl' ? 'K' : 'Q'}${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date)
    case 'week':
    case 'day':
      return new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date)
    default:
      return key
  }
}
