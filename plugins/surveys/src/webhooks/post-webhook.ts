import { lookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { isNonPublicAddress, namesNonPublicTarget } from './webhook-target.js'

export interface PostWebhookOptions {
  headers: Record<string, string>
  body: string
  /** How long the receiver has to answer with a status line, from the start of the request. */
  timeoutMs: number
  /** Whether private, loopback and link-local targets may be reached (tests, closed networks). */
  allowNonPublic: boolean
}

/**
 * How a POST went. `error` is what the workspace gets to see: the status code, or that the target
 * was refused or gave no answer. Nothing the target said and no socket detail is in it, so the
 * delivery log cannot be used to tell open, closed and filtered ports apart. `cause` is for the log.
 */
export type PostOutcome = { ok: true; status: number } | { ok: false; error: string; cause: string }

class NonPublicTargetError extends Error {
  constructor(host: string) {
    super(`'${host}' resolves to an address that is not public`)
    this.name = 'NonPublicTargetError'
  }
}

/**
 * Resolves a host name like the default look-up, but fails when any address it resolves to is not
 * public. It runs when the socket connects, so the address checked is the address used: a name that
 * answers differently a second time (DNS rebinding) gains nothing.
 *
 * @example
 * http.request(url, { lookup: publicOnlyLookup })
 */
export const publicOnlyLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0)
    if (addresses.length === 0 || addresses.some(({ address }) => isNonPublicAddress(address))) {
      return callback(new NonPublicTargetError(hostname), '', 0)
    }
    if (options.all) return callback(null, addresses)
    callback(null, addresses[0]!.address, addresses[0]!.family)
  })
}

/**
 * POSTs a webhook body and settles with the status line, without following redirects (a redirect
 * could point anywhere) and without reading the receiver's body.
 *
 * @example
 * await postWebhook('https://hooks.example.com/cx', { headers, body, timeoutMs: 10_000, allowNonPublic: false })
 * // { ok: true, status: 204 } or { ok: false, error: 'delivery failed: HTTP 500', cause: 'HTTP 500' }
 */
export function postWebhook(url: string, options: PostWebhookOptions): Promise<PostOutcome> {
  const target = new URL(url)
  if (!options.allowNonPublic && namesNonPublicTarget(url)) {
    return Promise.resolve(refused(`'${target.hostname}' is not a public address`))
  }
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        lookup: options.allowNonPublic ? undefined : publicOnlyLookup,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0
        response.destroy()
        if (status >= 200 && status < 300) resolve({ ok: true, status })
        else resolve({ ok: false, error: `delivery failed: HTTP ${status}`, cause: `HTTP ${status}` })
      },
    )
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof NonPublicTargetError) resolve(refused(error.message))
      else resolve({ ok: false, error: 'delivery failed: no answer', cause: error.code ?? error.name })
    })
    request.end(options.body)
  })
}

function refused(cause: string): PostOutcome {
  return { ok: false, error: 'delivery failed: target address not allowed', cause }
}
