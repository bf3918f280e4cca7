/** How long a computation may hold the event loop before it lets other work through. */
const sliceMs = 10

/**
 * A function to await inside a long loop: it resolves at once until `sliceMs` have passed since the last
 * turn, then lets the event loop through once (setImmediate), so the loop costs little and the server
 * keeps answering.
 *
 * @example
 * const turn = eventLoopTurns()
 * for (const item of items) { await turn(); work(item) }
 */
export function eventLoopTurns(): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < sliceMs) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    last = performance.now()
  }
}
