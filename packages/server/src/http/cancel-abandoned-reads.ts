import { withQuerySignal } from '@cxkit/db'
import type { MiddlewareHandler } from 'hono'

/**
 * Hands a GET request's abort signal to every query made while answering it (through
 * `withQuerySignal`), so the reads of a client that has gone are dropped from the queue or stopped.
 * Writes are left alone: they are short, and half of an abandoned import is no use to anyone.
 *
 * @example
 * app.use('/api/*', cancelAbandonedReads())
 */
export function cancelAbandonedReads(): MiddlewareHandler {
  return function cancelAbandonedReads(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    return withQuerySignal(c.req.raw.signal, next)
  }
}
