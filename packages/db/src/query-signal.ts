import { AsyncLocalStorage } from 'node:async_hooks'

const requestSignal = new AsyncLocalStorage<AbortSignal>()

/**
 * Runs `work` with `signal` as the abort signal of every query it makes, however deep: the server
 * sets the request's signal here, so a query whose client has gone is dropped or stopped. An
 * AsyncLocalStorage rather than a field of the plugin context, because plugins get their context
 * once at start-up and keep calling `ctx.db`: they need no change to have their queries cancelled.
 *
 * @example
 * app.use('/api/*', (c, next) => withQuerySignal(c.req.raw.signal, next))
 */
export function withQuerySignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work)
}

/**
 * The abort signal set by `withQuerySignal` for the work in progress, if any.
 *
 * @example
 * const signal = currentQuerySignal() // undefined outside a request
 */
export function currentQuerySignal(): AbortSignal | undefined {
  return requestSignal.getStore()
}

const mainConnectionReads = new AsyncLocalStorage<true>()

/**
 * Runs `work` with its reads on the main connection rather than the worker pool of a SQLite file. The
 * server does so for requests that write: their reads are point look-ups that prepare the write, and
 * a hop to a worker thread and back costs more than such a read (single-response submissions went from
 * about 800 to 1,350 a second on two cores). Long reads come from GET requests, which keep the workers.
 *
 * @example
 * app.use('/api/*', (c, next) => (c.req.method === 'GET' ? next() : withMainConnectionReads(next)))
 */
export function withMainConnectionReads<T>(work: () => T): T {
  return mainConnectionReads.run(true, work)
}

/** Whether the work in progress asked for its reads on the main connection (`withMainConnectionReads`). */
export function readsOnMainConnection(): boolean {
  return mainConnectionReads.getStore() === true
}
