import { pollUntilDone } from '@cxkit/ui/poll-until-done'
import type { ImportApi, ImportJobState } from './import-api.js'

/** How often the wizard asks how far an import has come. */
const pollMs = 400

/**
 * Polls an import job until it has finished, telling `onProgress` each state; resolves with the last.
 *
 * @example
 * const done = await waitForJob(api, 'acme', job, (state) => (this.job = state), signal)
 */
export function waitForJob(
  api: ImportApi,
  workspace: string,
  id: string,
  onProgress: (state: ImportJobState) => void,
  signal?: AbortSignal,
): Promise<ImportJobState> {
  return pollUntilDone(
    (readSignal) => api.job(workspace, id, readSignal),
    (state) => state.status !== 'running',
    onProgress,
    { everyMs: pollMs, signal },
  )
}
