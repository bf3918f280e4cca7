// @ts-check
// A worker thread of the SQLite read pool: one read-only connection to the database file, answering
// the selects the main thread hands it. Plain JavaScript so that any runtime (node, tsx, vitest) can
// start it as a worker without a TypeScript loader.
import Database from 'better-sqlite3'
import { workerData } from 'node:worker_threads'

/** @type {{ file: string, busyTimeoutMs: number }} */
const settings = workerData
/** @type {Database.Database | undefined} */
let connection

/**
 * Opened at the first read, not at start: a worker that cannot open the file then fails that read
 * with the reason, instead of dying at start and being replaced by the pool again and again.
 */
function open() {
  if (!connection) {
    connection = new Database(settings.file, { readonly: true, fileMustExist: true })
    // A reader waits for a checkpoint or a recovering writer instead of failing at once.
    connection.pragma(`busy_timeout = ${settings.busyTimeoutMs}`)
  }
  return connection
}

/** Dashboards send the same few statement texts again and again: keep them prepared. */
const statements = new Map()
const cachedStatements = 100

/** @param {string} sql */
function prepare(sql) {
  let statement = statements.get(sql)
  if (!statement) {
    statement = open().prepare(sql)
    statements.set(sql, statement)
    if (statements.size > cachedStatements) statements.delete(statements.keys().next().value)
  }
  return statement
}

/**
 * Runs one read and returns its rows.
 *
 * @param {{ sql: string, parameters: unknown[], started: import('node:worker_threads').MessagePort }} query
 * @returns {unknown[]}
 */
export default function read(query) {
  // The main thread starts the query's clock now that a worker has it.
  query.started.postMessage('started')
  try {
    return prepare(query.sql).all(query.parameters)
  } catch (error) {
    // better-sqlite3's SqliteError is no Error to the copy between threads: it would arrive as
    // `{ code }` alone. Its parts go as plain data; the pool makes an Error of them again.
    const { message, code } = /** @type {{ message?: unknown, code?: unknown }} */ (error)
    throw { readFailed: true, message: String(message), code }
  }
}
