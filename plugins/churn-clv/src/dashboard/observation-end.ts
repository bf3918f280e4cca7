/**
 * Where a panel stops observing for the dashboard's period end (`YYYY-MM-DD`, exclusive, or an instant):
 * that instant, or now when it lies in the future (purchases not yet made are not churn).
 *
 * @example
 * observationEnd('2026-04-01') // '2026-04-01T00:00:00.000Z'
 */
export function observationEnd(to: string, now = new Date()): string {
  const end = new Date(to.length === 10 ? `${to}T00:00:00Z` : to)
  return (end.getTime() > now.getTime() ? now : end).toISOString()
}
