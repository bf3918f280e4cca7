import type { MiddlewareHandler } from 'hono'

/** API answers are data, never documents: they load nothing and are framed by nobody. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'"

/**
 * Public pages (a survey at `/s/<token>`) run no script and post their form to themselves. Sites embed
 * them in frames, so any site may frame them. Their styles are inline, which is harmless without script.
 */
export const pageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors *"

export interface SecurityHeaderOptions {
  /** Path prefixes of public pages (`/s`): they may be framed by any site. */
  publicPagePaths: readonly string[]
  /** The dashboard's policy; without one, every other path gets the API's. */
  dashboardPolicy?: string
}

/**
 * Sets the headers every answer carries: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`
 * (a personal link's signature must not leak to the sites a page links to), and a Content-Security-Policy
 * per area: public pages may be framed by any site, the API and the dashboard by none. A response that
 * brings its own policy keeps it.
 *
 * @example
 * app.use('*', securityHeaders({ publicPagePaths: ['/s'], dashboardPolicy: dashboardContentSecurityPolicy(html) }))
 */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const isPage = (path: string) => options.publicPagePaths.some((base) => path === base || path.startsWith(`${base}/`))
  return async function setSecurityHeaders(c, next) {
    await next()
    const headers = c.res.headers
    const path = c.req.path
    const policy =
      path === '/api' || path.startsWith('/api/')
        ? apiContentSecurityPolicy
        : isPage(path)
          ? pageContentSecurityPolicy
          : (options.dashboardPolicy ?? apiContentSecurityPolicy)
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', policy)
    // Older browsers know no frame-ancestors; what may not be framed says so the old way too.
    if (!isPage(path)) headers.set('x-frame-options', 'DENY')
    headers.set('x-content-type-options', 'nosniff')
    headers.set('referrer-policy', 'no-referrer')
  }
}
