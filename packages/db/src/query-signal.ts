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
