import { CxError } from '@cxkit/core'
import type { MiddlewareHandler } from 'hono'
import { bodyTooLarge } from './limit-request-body.js'
import { problemResponse } from './error-handler.js'
import { problemFrom } from './problem.js'
import type { ServerEnv } from './server-env.js'

/** A plugin's base path and the look-up of its routes that stream their own bodies. */
export interface StreamedRoutes {
  readonly base: string
  readonly streamedLimitFor: (method: string, path: string) => number | undefined
}

/**
 * Marks the requests of routes a plugin declares in `streamedBodies` (`c.var.streamedBodyLimit`), so the
 * guards that read or refuse bodies let them through (see `exceptStreamed`), and refuses at once one whose
 * declared `Content-Length` is over the route's limit. The route counts the bytes of a body without one.
 *
 * A browser sends another site's `multipart/form-data` form here without asking first (no CORS
 * preflight), and these are the only API routes that take multipart: a page the user merely visits could
 * fill this server's disk through them. So a request the browser marks `Sec-Fetch-Site: cross-site` is
 * refused with 403; the dashboard's own requests are `same-origin`, and other clients send no such header.
 *
 * @example
 * app.use('/api/*', streamedBodies([{ base: '/api/crm-import', streamedLimitFor }]))
 */
export function streamedBodies(plugins: readonly StreamedRoutes[]): MiddlewareHandler<ServerEnv> {
  return async function markStreamedBodies(c, next) {
    const plugin = plugins.find(({ base }) => c.req.path.startsWith(`${base}/`))
    const limit = plugin?.streamedLimitFor(c.req.method, c.req.path.slice(plugin.base.length))
    if (limit === undefined) return next()
    if (c.req.header('sec-fetch-site') === 'cross-site') return crossSiteRefused()
    const declared = c.req.header('content-length')
    if (declared !== undefined && Number(declared) > limit) return bodyTooLarge(limit)
    c.set('streamedBodyLimit', limit)
    return next()
  }
}

function crossSiteRefused(): Response {
  return problemResponse(
    problemFrom(
      new CxError('CXKIT_FORBIDDEN', 'this route does not take bodies sent from another site', {
        status: 403,
        details: {
          fields: [{ field: 'header.sec-fetch-site', code: 'invalid_value', message: 'send it from this site' }],
        },
      }),
    ),
  )
}

/**
 * Runs a body guard (multipart refusal, reading the body up to a limit) except on routes that stream
 * their own bodies.
 *
 * @example
 * app.use('/api/*', exceptStreamed(refuseMultipart()))
 */
export function exceptStreamed(guard: MiddlewareHandler): MiddlewareHandler<ServerEnv> {
  return function unlessStreamed(c, next) {
    return c.get('streamedBodyLimit') === undefined ? guard(c, next) : next()
  }
}
