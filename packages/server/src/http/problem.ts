import { type CxError, type FieldProblem, isCxError } from '@cxkit/core'

/** An RFC 9457 problem document, as every cxkit error reaches a client. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  /** The offending fields of a validation failure: the first 100. */
  errors?: FieldProblem[]
  /** How many problems there are in all, when `errors` lists only the first. */
  errorCount?: number
  /** True when `errors` lists only the first `errors.length` of `errorCount` problems. */
  truncated?: boolean
  /** The plugin whose code failed. */
  plugin?: string
}

const titles: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  499: 'Client closed request',
  500: 'Internal server error',
  503: 'Service unavailable',
}

function typeFor(code: string): string {
  return `urn:cxkit:problem:${code
    .replace(/^CXKIT_/, '')
    .toLowerCase()
    .replaceAll('_', '-')}`
}

/**
 * Turns anything thrown into a problem document. Errors that are not CxErrors are internal: their
 * message stays in the log, not in the response.
 *
 * @example
 * problemFrom(new CxValidationError([{ field: 'query.to', message: 'Required', code: 'invalid_type' }]))
 */
export function problemFrom(error: unknown, plugin?: string): Problem {
  if (isCxError(error)) return problemFromCxError(error, plugin)
  return {
    type: typeFor('CXKIT_INTERNAL'),
    title: titles[500]!,
    status: 500,
    detail: plugin
      ? `plugin '${plugin}' failed while handling the request`
      : 'the server failed while handling the request',
    code: 'CXKIT_INTERNAL',
    ...(plugin ? { plugin } : {}),
  }
}

function problemFromCxError(error: CxError, plugin?: string): Problem {
  const fields = error.details.fields as FieldProblem[] | undefined
  const errorCount = error.details.errorCount as number | undefined
  const owner = (error.details.plugin as string | undefined) ?? (error.status >= 500 ? plugin : undefined)
  return {
    type: typeFor(error.code),
    title: titles[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(fields ? { errors: fields } : {}),
    ...(errorCount !== undefined ? { errorCount, truncated: true } : {}),
    ...(owner ? { plugin: owner } : {}),
  }
}
