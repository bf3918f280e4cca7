import { bodyLimits } from '@cxkit/core'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/** The refusals a form POST can get before it is read, each shown as a page in the visitor's language. */
export type FormRefusal = 'tooLarge' | 'badForm'

/**
 * Guards the survey page's form POST before its body is read: a multipart body (the page's form never sends
 * one) gets 415, a body over `bodyLimits.pageForm` 413 — a declared length at once, a chunked one as soon
 * as it passes the limit, so no more than the limit is held in memory. `refuse` renders the page to show.
 *
 * @example
 * app.post('/:token', guardPageForm((c, status, text) => notice(c, text, status)), handler)
 */
export function guardPageForm(
  refuse: (c: Context, status: 413 | 415, refusal: FormRefusal) => Promise<Response>,
): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: bodyLimits.pageForm, onError: (c) => refuse(c, 413, 'tooLarge') })
  return async function guardForm(c, next) {
    if (/^multipart\//i.test((c.req.header('content-type') ?? '').trim())) return refuse(c, 415, 'badForm')
    return limit(c, next)
  }
}
