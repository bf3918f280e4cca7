import { IncomingMessage } from 'node:http'
import { CxError } from '@cxkit/core'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
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
 * On a Node.js socket the body is read here, straight from the socket, and handed to the route's
 * validator as text: going through a web `Request` and its streams cost more per small submission than
 * validating and storing it. The bytes are kept on the socket's request too, so a route that reads the
 * raw request still finds them.
 *
 * @example
 * app.use('/api/*', limitRequestBody(() => bodyLimits.json))
 */
export function limitRequestBody(limitFor: (c: Context) => number): MiddlewareHandler {
  return async function limitBody(c, next) {
    const maxBytes = limitFor(c)
    const incoming = nodeRequestOf(c.env)
    if (!incoming) return bodyLimit({ maxSize: maxBytes, onError: () => bodyTooLarge(maxBytes) })(c, next)
    if (incoming.method === 'GET' || incoming.method === 'HEAD') return next()
    const declared = incoming.headers['content-length']
    if (declared !== undefined && !incoming.headers['transfer-encoding'] && Number(declared) > maxBytes)
      return bodyTooLarge(maxBytes)
    const body = await readUpTo(incoming, maxBytes)
    if (!body) return bodyTooLarge(maxBytes)
    // Where @hono/node-server builds the web Request from, should anything ask for it: joined only then.
    Object.defineProperty(incoming, 'rawBody', { get: () => Buffer.concat(body.chunks, body.size) })
    // Hono keeps the promise of each body it has read in bodyCache (its type names the values, not their promises).
    Object.assign(c.req.bodyCache, { text: Promise.resolve(body.text) })
    return next()
  }
}

/** The request of @hono/node-server's socket, which it passes as the app's env; undefined elsewhere (app.request). */
function nodeRequestOf(env: unknown): IncomingMessage | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined
  return env.incoming instanceof IncomingMessage ? env.incoming : undefined
}

/** A body read whole: its text, and its bytes as they came. */
interface ReadBody {
  readonly text: string
  readonly chunks: readonly Buffer[]
  readonly size: number
}

/**
 * The whole body, or undefined as soon as it passes `maxBytes` (the rest is left to the server, which
 * drains or closes the connection after the answer). The text is decoded chunk by chunk as
 * Request#text() decodes it (UTF-8, a leading byte-order mark dropped, bad bytes replaced), so a large
 * batch is not copied into one buffer first. A body cut off by the client is a 400, as a web Request's
 * broken stream is to Hono's validators.
 */
function readUpTo(incoming: IncomingMessage, maxBytes: number): Promise<ReadBody | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const utf8 = new TextDecoder()
    let text = ''
    let size = 0
    const stop = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        stop()
        incoming.pause()
        resolve(undefined)
      } else {
        chunks.push(chunk)
        text += utf8.decode(chunk, { stream: true })
      }
    }
    const onEnd = () => {
      stop()
      resolve({ text: text + utf8.decode(), chunks, size })
    }
    const onError = () => {
      stop()
      reject(new HTTPException(400, { message: 'the request body ended before it was complete' }))
    }
    const onClose = onError
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    incoming.on('close', onClose)
  })
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
