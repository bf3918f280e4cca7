import { createHmac, timingSafeEqual } from 'node:crypto'
import { columnLimits, keyRoomAfter } from '@cxkit/core'

/**
 * The signature of a personal link: an HMAC of survey and customer under the survey's own key, so a
 * link cannot be altered to answer as someone else.
 *
 * @example
 * signPersonalLink(secret, 'relationship-nps', 'CUST-00042') // 'Wm2k…'
 */
export function signPersonalLink(secret: string, surveyId: string, customerExternalId: string): string {
  return createHmac('sha256', secret).update(`${surveyId}\u0000${customerExternalId}`).digest('base64url').slice(0, 22)
}

/** Constant-time check of a personal link's signature. */
export function verifyPersonalLink(
  secret: string,
  surveyId: string,
  customerExternalId: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signPersonalLink(secret, surveyId, customerExternalId))
  const given = Buffer.from(signature)
  return secret !== '' && expected.length === given.length && timingSafeEqual(expected, given)
}

/** The idempotency key of a personal link: one answer per customer per survey. */
export function personalLinkKey(surveyId: string, customerExternalId: string): string {
  return `link:${surveyId}:${customerExternalId}`
}

/**
 * The longest customer id a personal link can carry: its idempotency key (`link:<survey>:<customer>`)
 * must fit the key column for the longest survey id.
 */
export const linkCustomerMax = keyRoomAfter(personalLinkKey('x'.repeat(columnLimits.id), ''))
