import type { ImportApi, ImportJobState } from './import-api.js'

/** How often the wizard asks how far an import has come. */
const pollMs = 400

/**
 * Polls an import job until it has finished, telling `onProgress` each state; resolves with the last.
 *
 * @example
 * const done = await waitForJob(api, 'acme', job, (state) => (this.job = state), signal)
 */
export async function waitForJob(
  api: ImportApi,
  workspace: string,
  id: string,
  onProgress: (state: ImportJobState) => void,
  signal?: AbortSignal,
): Promise<ImportJobState> {
  for (;;) {
    const state = await api.job(workspace, id, signal)
    onProgress(state)
    if (state.status !== 'running') return state
    await pause(pollMs, signal)
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
