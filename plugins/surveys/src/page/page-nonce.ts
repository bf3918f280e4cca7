import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

/** A day: long enough for any Back and resend, short enough that a visit next week is a new answer. */
const keptSeconds = 24 * 60 * 60
const wellFormed = /^[A-Za-z0-9-]{8,64}$/

/**
 * The nonce a plain survey link's form carries as its idempotency key, kept in a cookie per survey (the
 * cookie has no Path: the pages are mounted where the plugin says, so it takes the browser's default,
 * the folder of the page). A nonce made afresh for every rendering of the form does not hold: after
 * Send, Back may make the browser fetch the form again (the page is `no-store`, and a browser need not
 * keep it in its back-forward cache), so the form would come back with a new nonce and a second Send
 * would store a second response. With the cookie, every rendering in this browser carries the same
 * nonce, so Back then Send answers "already received". `fresh` starts a new one: the thank-you page's
 * link to answer again, for a tablet that several visitors answer on.
 *
 * @example
 * const nonce = pageNonce(c, token, c.req.query('again') === '1')
 */
export function pageNonce(c: Context, token: string, fresh: boolean): string {
  // Tokens are base64url: valid in a cookie name.
  const cookieName = `cx-nonce-${token}`
  const kept = getCookie(c, cookieName)
  const nonce = !fresh && kept && wellFormed.test(kept) ? kept : randomUUID()
  setCookie(c, cookieName, nonce, {
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: keptSeconds,
    secure: (c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')) === 'https',
  })
  return nonce
}
