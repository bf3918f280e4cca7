import { withMainConnectionReads } from '@cxkit/db'
import type { MiddlewareHandler } from 'hono'

/**
 * Keeps the reads of a request that writes (a submission, an import, a form post) on the main database
 * connection: they are point look-ups that prepare the write, cheaper there than a hop to a SQLite
 * read worker and back. GET and HEAD requests, whose reads may be long, keep the workers.
 *
 * @example
 * app.use('*', writeRequestsReadOnMain())
 */
export function writeRequestsReadOnMain(): MiddlewareHandler {
  return function writeRequestsReadOnMain(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    return withMainConnectionReads(next)
  }
}
