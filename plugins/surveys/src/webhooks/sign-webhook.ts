import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signature a receiver checks: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret,
 * sent as `X-Cxkit-Signature: t=<timestamp>,v1=<hex>`. The timestamp lets receivers refuse replays.
 *
 * @example
 * signWebhook('whsec_…', '1795440000', body) // 't=1795440000,v1=5f0c…'
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${digest}`
}

/**
 * Checks a signature header the way a receiver should (constant-time), within a tolerance in seconds.
 *
 * @example
 * verifyWebhook(secret, request.headers['x-cxkit-signature'], rawBody)
 */
export function verifyWebhook(
  secret: string,
  header: string,
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]))
  if (!parts.t || !parts.v1) return false
  if (Math.abs(now / 1000 - Number(parts.t)) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook(secret, parts.t, body).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}
