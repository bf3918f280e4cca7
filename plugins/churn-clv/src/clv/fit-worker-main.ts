import { parentPort, workerData } from 'node:worker_threads'
import { isCxError } from '@cxkit/core'
import { fitModels, type ModelFitInput } from './fit-models.js'

// One fit per thread: fit what `workerData` holds, post the result or the error, and let the thread end.
try {
  parentPort!.postMessage({ fits: fitModels(workerData as ModelFitInput) })
} catch (error) {
  parentPort!.postMessage({
    error: isCxError(error)
      ? { code: error.code, message: error.message, status: error.status, details: error.details }
      : { message: error instanceof Error ? error.message : String(error) },
  })
}
