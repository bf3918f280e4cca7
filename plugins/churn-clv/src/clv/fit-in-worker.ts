import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { CxError, type CxErrorCode } from '@cxkit/core'
import type { FitModels, ModelFits } from './fit-models.js'

type WorkerAnswer =
  | { fits: ModelFits }
  | { error: { code?: CxErrorCode; message: string; status?: number; details?: Record<string, unknown> } }

/**
 * The thread's entry: the plugin's build bundles it as plain JavaScript, which starts in tens of
 * milliseconds. From source alone (no build yet), the entry registers tsx in the thread and compiles the
 * plugin's TypeScript there, which takes seconds (far longer on a busy machine).
 */
const bundledWorker = new URL('../../dist/fit-worker.mjs', import.meta.url)
const workerEntry = existsSync(bundledWorker) ? bundledWorker : new URL('./fit-worker.mjs', import.meta.url)

/**
 * Runs a fit's optimisers on a thread of their own, so the server keeps answering while BG/NBD or
 * Pareto/NBD searches (up to seconds on a million customers). The spend arrays are transferred, not
 * copied: the caller must not read them afterwards. A CxError thrown in the thread (too few repeat
 * customers) is thrown here as the same CxError.
 *
 * @example
 * const fits = await fitModelsInWorker({ model: 'bgnbd', groups, spendCounts, spendMeans })
 */
export const fitModelsInWorker: FitModels = (input, how = {}) =>
  new Promise<ModelFits>((resolve, reject) => {
    const { signal } = how
    if (signal?.aborted) return reject(signal.reason)
    const worker = new Worker(workerEntry, {
      workerData: input,
      transferList: [input.spendCounts.buffer as ArrayBuffer, input.spendMeans.buffer as ArrayBuffer],
    })
    let answered = false
    // Stopping the server (or a lost lease) ends the search at once rather than when it converges.
    const stop = () => {
      if (answered) return
      answered = true
      reject(signal!.reason)
      void worker.terminate()
    }
    signal?.addEventListener('abort', stop, { once: true })
    worker.once('exit', () => signal?.removeEventListener('abort', stop))
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true
      if ('fits' in answer) resolve(answer.fits)
      else {
        const { code, message, status, details } = answer.error
        reject(
          code
            ? new CxError(code, message, { status, details })
            : new CxError('CXKIT_CLV_FIT_FAILED', `the CLV fit failed: ${message}`, { status: 500 }),
        )
      }
    })
    worker.once('error', (error) => {
      answered = true
      reject(new CxError('CXKIT_CLV_FIT_FAILED', `the CLV fit thread failed: ${error.message}`, { cause: error }))
    })
    worker.once('exit', (exitCode) => {
      if (!answered)
        reject(
          new CxError('CXKIT_CLV_FIT_FAILED', `the CLV fit thread stopped (exit code ${exitCode}) without a result`),
        )
    })
  })
