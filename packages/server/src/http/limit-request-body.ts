import { CxError } from '@cxkit/core'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problemResponse } from './error-handler.js'
import { problemFrom } from './problem.js'

/** The 413 problem a body over `maxBytes` gets. */
export function bodyTooLarge(maxBytes: number): Response {
  return problemResponse(
    problemFrom(
      new CxError('CXKIT_BODY_TOO_LARGE', `the request body is larger than this route accepts (${maxBytes} bytes)`, {
        status: 413,
        details: { fields: [{ field: 'body', code: 'too_big', message: `at most ${maxBytes} bytes` }] },
      }),
    ),
  )
}

/**
 * Refuses a request body over the limit `limitFor` picks for the request, with a 413 problem. A declared
 * `Content-Length` over the limit is refused before a byte is read; a chunked body is counted as it
 * streams in and refused as soon as it passes the limit, so no more than the limit is ever held in memory.
 *
 * @example
 * app.use('/api/*', limitRequestBody(() => bodyLimits.json))
 */
export function limitRequestBody(limitFor: (c: Context) => number): MiddlewareHandler {
  return async function limitBody(c, next) {
    const maxBytes = limitFor(c)
    return bodyLimit({ maxSize: maxBytes, onError: () => bodyTooLarge(maxBytes) })(c, next)
  }
}

/**
 * Refuses `multipart/form-data` bodies with 415: no API route takes uploads, and a multipart parser would
 * otherwise spool whatever files a client sends.
 *
 * @example
 * app.use('/api/*', refuseMultipart())
 */
export function refuseMultipart(): MiddlewareHandler {
  return async function refuseMultipartBody(c, next) {
    const type = c.req.header('content-type') ?? ''
    if (!/^multipart\//i.test(type.trim())) return next()
    return problemResponse(
      problemFrom(
        new CxError('CXKIT_MEDIA_TYPE_UNSUPPORTED', `this route does not take ${type.split(';')[0]} bodies`, {
          status: 415,
          details: { fields: [{ field: 'header.content-type', code: 'invalid_value', message: 'send JSON' }] },
        }),
      ),
    )
  }
}
