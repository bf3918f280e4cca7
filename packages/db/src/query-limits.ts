import { CxError } from '@cxkit/core'
import { currentQuerySignal } from './query-signal.js'

/** How long one query may run before it is stopped, unless `openDatabase` is told otherwise. */
export const defaultQueryTimeoutMs = 15_000

/** The setting that bounds a query's time, named in the error a client gets. */
export const queryTimeoutSetting = 'CXKIT_QUERY_TIMEOUT_MS'

/**
 * The error of a query stopped at the time bound: a 503, since the server is too busy or the query
 * too big for now, not broken.
 *
 * @example
 * throw queryTimeoutError(15_000)
 */
export function queryTimeoutError(timeoutMs: number, cause?: unknown): CxError {
  return new CxError(
    'CXKIT_QUERY_TIMEOUT',
    `the query ran longer than ${queryTimeoutSetting} (${timeoutMs} ms) allows and was stopped; narrow the period or the grouping, or try again later`,
    { status: 503, cause, details: { limit: queryTimeoutSetting, timeoutMs } },
  )
}

/**
 * The error of a query stopped because the request it served was abandoned by its client. 499,
 * as proxies log a client that closed the request: nobody reads the answer, and it is no server fault.
 *
 * @example
 * throw queryCancelledError()
 */
export function queryCancelledError(cause?: unknown): CxError {
  return new CxError('CXKIT_QUERY_CANCELLED', 'the query was stopped: the client closed the request', {
    status: 499,
    cause,
  })
}

/** The signal that stops one query, and which of its two causes fired. */
export interface QueryBounds {
  readonly signal: AbortSignal
  /** The error to throw once `signal` has fired. */
  error(cause?: unknown): CxError
}

/**
 * Bounds one query by the time limit and by the current request's signal (see `withQuerySignal`).
 *
 * @example
 * const bounds = boundQuery(15_000)
 * await pool.run(task, { signal: bounds.signal }).catch((error) => { throw bounds.error(error) })
 */
export function boundQuery(timeoutMs: number): QueryBounds {
  const timeout = AbortSignal.timeout(timeoutMs)
  const request = currentQuerySignal()
  const signal = request ? AbortSignal.any([request, timeout]) : timeout
  return {
    signal,
    error: (cause) => (timeout.aborted ? queryTimeoutError(timeoutMs, cause) : queryCancelledError(cause)),
  }
}

/**
 * Reads the time bound from `CXKIT_QUERY_TIMEOUT_MS`: undefined when unset (the default applies),
 * a CXKIT_CONFIG_INVALID error naming the variable when it is not a whole number of milliseconds.
 *
 * @example
 * await openDatabase(url, { queryTimeoutMs: readQueryTimeout(process.env) })
 */
export function readQueryTimeout(env: NodeJS.ProcessEnv): number | undefined {
  const text = env[queryTimeoutSetting]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    throw new CxError(
      'CXKIT_CONFIG_INVALID',
      `${queryTimeoutSetting} must be a whole number of milliseconds above 0, got '${text}'`,
    )
  }
  return value
}
