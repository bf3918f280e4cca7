import { createHmac, timingSafeEqual } from 'node:crypto'
import { columnLimits, keyRoomAfter } from '@cxkit/core'

const macLength = 22

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, macLength)
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The signature of a personal link: `<expiry>.<mac>`, the expiry in seconds since 1970 (base 36) and an
 * HMAC of survey, customer and expiry under the survey's key, so neither the customer nor the expiry
 * can be altered.
 *
 * @example
 * signPersonalLink(secret, 'relationship-nps', 'CUST-00042', new Date('2026-12-31')) // 'ta8k00.Wm2k…'
 */
export function signPersonalLink(
  secret: string,
  surveyId: string,
  customerExternalId: string,
  expiresAt: Date,
): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36)
  return `${expiry}.${mac(secret, `${surveyId}\u0000${customerExternalId}\u0000${expiry}`)}`
}

/** What a checked signature says: the link's idempotency key, or why it is refused. */
export type PersonalLinkCheck =
  | { valid: true; key: string; expiresAt: string | null }
  | { valid: false; reason: 'invalid_signature' | 'link_expired' }

/**
 * Checks a personal link's signature against the survey's keys (the current one, and the previous
 * one while it is kept after a rotation), in constant time. Links signed before links expired carry
 * no expiry (`<mac>` alone); they keep working while the key that signed them is kept.
 *
 * @example
 * const check = checkPersonalLink([current, previous], 'relationship-nps', 'CUST-00042', sig)
 * if (check.valid) ingest({ idempotencyKey: check.key, … })
 */
export function checkPersonalLink(
  secrets: readonly string[],
  surveyId: string,
  customerExternalId: string,
  signature: string,
  now = new Date(),
): PersonalLinkCheck {
  const dot = signature.indexOf('.')
  const expiry = dot === -1 ? null : signature.slice(0, dot)
  const payload = `${surveyId}\u0000${customerExternalId}${expiry === null ? '' : `\u0000${expiry}`}`
  const given = signature.slice(dot + 1)
  const signed = secrets.filter((secret) => secret !== '').some((secret) => sameText(mac(secret, payload), given))
  if (!signed) return { valid: false, reason: 'invalid_signature' }
  if (expiry === null) return { valid: true, key: legacyLinkKey(surveyId, customerExternalId), expiresAt: null }
  const expiresAt = new Date(Number.parseInt(expiry, 36) * 1000)
  if (!(expiresAt > now)) return { valid: false, reason: 'link_expired' }
  return { valid: true, key: `link:${surveyId}:${customerExternalId}:${expiry}`, expiresAt: expiresAt.toISOString() }
}

/** The key of a link signed before links expired: one answer per customer per survey, as it always was. */
function legacyLinkKey(surveyId: string, customerExternalId: string): string {
  return `link:${surveyId}:${customerExternalId}`
}

/**
 * The longest customer id a personal link can carry: an external id that fits its column, whose link
 * key (`link:<survey>:<customer>:<expiry>`) fits the key column for the longest survey id.
 */
export const linkCustomerMax = Math.min(
  columnLimits.externalId,
  keyRoomAfter(`link:${'x'.repeat(columnLimits.id)}::${'z'.repeat(8)}`),
)
