import { isCxError, type Logger } from '@cxkit/core'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type Problem, problemFrom } from './problem.js'
import type { ServerEnv } from './server-env.js'

/**
 * The app-wide error handler: every error leaves as `application/problem+json`, and a request never
 * takes the process down. Hono's own HTTP exceptions (a body over the size limit, say) keep their status.
 */
export function createErrorHandler(logger: Logger) {
  return function handleError(error: Error, c: Context<ServerEnv>): Response {
    const plugin = c.get('plugin')
    if (error instanceof HTTPException) {
      const status = error.status
      return problemResponse({
        type: 'about:blank',
        title: error.message || `HTTP ${status}`,
        status,
        detail: error.message || `the request failed with HTTP ${status}`,
        code: `CXKIT_HTTP_${status}`,
      })
    }
    const problem = problemFrom(error, plugin)
    if (problem.status >= 500) {
      logger.error('request failed', {
        path: c.req.path,
        plugin,
        error: String(error),
        cause: String(error.cause ?? ''),
      })
    }
    // A busy database (503) says when to come back, so clients and proxies retry instead of failing.
    const retryAfter = isCxError(error) ? error.details.retryAfterSeconds : undefined
    return problemResponse(problem, typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {})
  }
}

/** A problem document as a response with the right media type. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  })
}
