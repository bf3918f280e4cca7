import { Worker } from 'node:worker_threads'
import { CsvError, type Options } from 'csv-parse'

const workerFile = new URL('./csv-parse-worker.mjs', import.meta.url)

/**
 * Text chunks (64 KB of file each) sent and not yet handed back: what bounds the memory the worker
 * adds (1 MB of text and its records). While this thread writes a batch it does not feed the worker;
 * with 4 chunks the worker ran dry during each write and this thread then waited for it (2.3 s of a
 * million-row import); 16 chunks are more than one batch's writing takes to parse.
 */
const chunksAhead = 16

type WorkerMessage =
  | { kind: 'records'; records: string[][] }
  | { kind: 'end'; records: string[][] }
  | { kind: 'error'; code: string; message: string }

type Arrival = WorkerMessage | { kind: 'read failed'; error: unknown } | { kind: 'stopped'; error?: unknown }

/**
 * The records of a file's text, parsed by csv-parse on a worker thread: the same records, in the same
 * order, with the same errors (as {@link CsvError}) as a parser in this thread, handed over a chunk's
 * worth at a time. This thread keeps reading and decoding (so a file's encoding problems are found
 * as before) and stays at most {@link chunksAhead} chunks ahead of the parser; leaving the loop stops
 * the worker.
 *
 * @example
 * for await (const records of csvRecordsInWorker(decodeText(fileBytes(file), 'utf-8'), { delimiter: ';' })) …
 */
export async function* csvRecordsInWorker(
  texts: AsyncIterable<string>,
  options: Omit<Options, 'on_record' | 'cast' | 'on_skip'>,
): AsyncGenerator<string[][]> {
  const worker = new Worker(workerFile, {
    workerData: { options },
    execArgv: [],
    // Records live for a chunk: a small young generation holds them and keeps the thread's memory small.
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  })
  const arrived: Arrival[] = []
  let wake: (() => void) | undefined
  const arrive = (arrival: Arrival) => {
    arrived.push(arrival)
    wake?.()
  }
  worker.on('message', arrive)
  worker.on('error', (error) => arrive({ kind: 'stopped', error }))
  worker.on('exit', () => arrive({ kind: 'stopped' }))
  const reader = texts[Symbol.asyncIterator]()
  let sent = 0
  let allSent = false
  let feeding = false
  /** Why reading stopped, told once the worker has handed back the text read before (it comes first in the file). */
  let readFailure: { error: unknown } | undefined
  const failOnceParsed = () => {
    if (readFailure && sent === 0) arrive({ kind: 'read failed', error: readFailure.error })
  }
  const feed = async () => {
    feeding = true
    try {
      while (!allSent && sent < chunksAhead) {
        const next = await reader.next()
        if (next.done) {
          allSent = true
          worker.postMessage(null)
        } else {
          sent++
          worker.postMessage(next.value)
        }
      }
    } catch (error) {
      readFailure = { error }
      failOnceParsed()
    } finally {
      feeding = false
    }
  }
  try {
    void feed()
    for (;;) {
      while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = undefined
      const arrival = arrived.shift()!
      switch (arrival.kind) {
        case 'records':
          // A chunk is parsed: send the next one before this one's records are written.
          sent--
          if (readFailure) failOnceParsed()
          else if (!feeding) void feed()
          if (arrival.records.length > 0) yield arrival.records
          break
        case 'end':
          if (arrival.records.length > 0) yield arrival.records
          return
        case 'error': {
          // The parser's options only matter to an error with context values, which this one has not.
          const options = {} as ConstructorParameters<typeof CsvError>[2]
          throw new CsvError(arrival.code as ConstructorParameters<typeof CsvError>[0], arrival.message, options)
        }
        case 'read failed':
          throw arrival.error
        case 'stopped':
          throw arrival.error ?? new Error('the CSV parser stopped before the end of the file')
      }
    }
  } finally {
    await worker.terminate()
    await reader.return?.()
  }
}
