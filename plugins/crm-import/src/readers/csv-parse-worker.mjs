// @ts-check
// A worker thread that runs csv-parse for `csvRecordsInWorker`: the main thread sends the file's
// text chunk by chunk (null at the end) and gets each chunk's records back, so a large file is
// parsed while the import types and writes the rows before. Plain JavaScript, so that the thread
// needs no TypeScript loader and stays small.
import { parentPort, workerData } from 'node:worker_threads'
import { parse } from 'csv-parse'

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
/** @type {string[][]} */
let records = []
let failed = false
const parser = parse({
  ...workerData.options,
  // Records are gathered here and sent per chunk; returning nothing keeps them out of the stream.
  on_record: (/** @type {string[]} */ record) => {
    records.push(record)
    return null
  },
})
const takeRecords = () => {
  const taken = records
  records = []
  return taken
}
parser.on('error', (/** @type {Error & { code?: string }} */ error) => {
  failed = true
  // The records before the bad one go first, as a parser read in the main thread would hand them over.
  port.postMessage({ kind: 'records', records: takeRecords() })
  port.postMessage({ kind: 'error', code: error.code, message: error.message })
})
parser.on('end', () => port.postMessage({ kind: 'end', records: takeRecords() }))
// Nothing is pushed (see on_record), but the stream must flow to end.
parser.resume()
port.on('message', (/** @type {string | null} */ text) => {
  if (failed) return
  if (text === null) parser.end()
  else
    parser.write(text, (error) => {
      if (!error) port.postMessage({ kind: 'records', records: takeRecords() })
    })
})
