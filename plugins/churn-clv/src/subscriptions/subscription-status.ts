import type { SubscriptionStatus } from './subscription-schemas.js'

/**
 * Where a subscription stands at `now`: ended once its end has come, cancelled while notice is given
 * but the end has not come, active otherwise.
 *
 * @example
 * subscriptionStatus({ cancelledAt: '2026-05-01T00:00:00.000Z', endedAt: '2026-07-01T00:00:00.000Z' }, '2026-06-01T00:00:00.000Z') // 'cancelled'
 */
export function subscriptionStatus(
  subscription: { cancelledAt: string | null; endedAt: string | null },
  now: string,
): SubscriptionStatus {
  if (subscription.endedAt !== null && subscription.endedAt <= now) return 'ended'
  if (subscription.cancelledAt !== null) return 'cancelled'
  return 'active'
}
