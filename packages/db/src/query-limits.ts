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

/** The signal that stops one query, its clock, and which of its two causes fired. */
export interface QueryBounds {
  readonly signal: AbortSignal
  /** Starts the clock: call it when the query begins to run, not while it waits its turn. */
  start(): void
  /** Stops the clock once the query has settled. */
  finish(): void
  /** The error to throw once `signal` has fired. */
  error(cause?: unknown): CxError
}

/**
 * Bounds one query by the time limit, counted from `start()`, and by the current request's signal
 * (see `withQuerySignal`), which also covers the wait for a turn: a client that gives up drops it.
 *
 * @example
 * const bounds = boundQuery(15_000)
 * await pool.run(task, { signal: bounds.signal }).catch((error) => { throw bounds.error(error) })
 */
export function boundQuery(timeoutMs: number): QueryBounds {
  const timeout = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let finished = false
  const request = currentQuerySignal()
  const signal = request ? AbortSignal.any([request, timeout.signal]) : timeout.signal
  return {
    signal,
    start() {
      // The start may be reported after the answer (they travel on different channels): ignore it then.
      if (!finished) timer ??= setTimeout(() => timeout.abort(), timeoutMs)
    },
    finish() {
      finished = true
      clearTimeout(timer)
    },
    error: (cause) => (timeout.signal.aborted ? queryTimeoutError(timeoutMs, cause) : queryCancelledError(cause)),
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
