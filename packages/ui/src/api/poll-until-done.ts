/**
 * Reads a job's state every `everyMs` until `isDone` says it has finished, telling `onProgress` each state;
 * resolves with the last. Aborting `signal` (the page is left) stops the asking at once, and a state read
 * after that is thrown away rather than shown.
 *
 * @example
 * const done = await pollUntilDone((signal) => api.job('acme', id, signal), (job) => job.status !== 'running', show, { everyMs: 400, signal })
 */
export async function pollUntilDone<State>(
  read: (signal?: AbortSignal) => Promise<State>,
  isDone: (state: State) => boolean,
  onProgress: (state: State) => void,
  { everyMs, signal }: { everyMs: number; signal?: AbortSignal | undefined },
): Promise<State> {
  for (;;) {
    const state = await read(signal)
    if (signal?.aborted) throw signal.reason
    onProgress(state)
    if (isDone(state)) return state
    await pause(everyMs, signal)
  }
}

/** Waits `ms`, or less when `signal` aborts (then throws its reason). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }, ms)
    function stop() {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', stop, { once: true })
  })
}
