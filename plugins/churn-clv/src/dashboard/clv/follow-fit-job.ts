import { pollUntilDone } from '@cxkit/ui/poll-until-done'
import type { ClvFitJob } from '../../schema.js'

/** How often the page asks how far a fit has come. */
export const fitJobPollMs = 1_000

/** Whether a job is done, one way or the other. */
export const isFinished = (job: ClvFitJob) => job.status === 'succeeded' || job.status === 'failed'

/**
 * Asks for a fit job every `pollMs` until it has finished, telling `onProgress` each state; resolves with
 * the last. Aborting `signal` (the page is left) stops the asking at once.
 *
 * @example
 * const done = await followFitJob((signal) => api.get(`/api/churn-clv/clv/fits/${id}?workspace=acme`, signal), show, leaving.signal)
 */
export function followFitJob(
  read: (signal?: AbortSignal) => Promise<ClvFitJob>,
  onProgress: (job: ClvFitJob) => void,
  signal?: AbortSignal,
  pollMs = fitJobPollMs,
): Promise<ClvFitJob> {
  return pollUntilDone(read, isFinished, onProgress, { everyMs: pollMs, signal })
}
