import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely } from 'kysely'
import pg from 'pg'
import type { CoreTables, SqlDialect } from '@cxkit/core'
import { BoundedPostgresDialect } from './dialects/bounded-postgres-dialect.js'
import { postgresDialect } from './dialects/postgres-dialect.js'
import { sqliteDialect } from './dialects/sqlite-dialect.js'
import { ImmediateTransactionsSqliteDialect } from './dialects/sqlite-immediate-transactions.js'
import { defaultDatabaseUrl, parseDatabaseUrl } from './parse-database-url.js'
import { type SqliteSynchronous, sqliteSynchronous } from './sqlite-durability.js'
import { defaultQueryTimeoutMs } from './query-limits.js'
import { createSqliteReadPool } from './sqlite-readers/sqlite-read-pool.js'
import { WorkerReadsSqliteDialect } from './sqlite-readers/worker-reads-sqlite-dialect.js'

const int8Oid = 20
const numericOid = 1700

/**
 * pg returns bigint counts and numeric sums as strings; SQLite returns numbers. Parse them here so
 * plugins see numbers on both (counts and survey sums stay far below 2^53).
 */
const numericTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === int8Oid || oid === numericOid) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
} as pg.CustomTypesConfig

/**
 * Kysely prepares every statement anew; bulk inserts send the same SQL text chunk after chunk.
 * Reusing the prepared statement for a text seen recently saves SQLite from parsing it again. The
 * least recently used text goes first: group commits write inserts of every row count from 1 to 50
 * besides the few point look-ups every request makes, and those must not be pushed out by them.
 */
function cachePreparedStatements(connection: SqliteDatabase.Database, size = 256): void {
  const prepare = connection.prepare.bind(connection)
  const cache = new Map<string, SqliteDatabase.Statement>()
  connection.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (statement) {
      // Map keeps insertion order: moved to the end, it is the last to be evicted.
      cache.delete(source)
    } else {
      statement = prepare(source)
      if (cache.size >= size) cache.delete(cache.keys().next().value!)
    }
    cache.set(source, statement)
    return statement
  }) as typeof connection.prepare
}

/** An open database: the Kysely instance, the dialect's SQL helpers, and how to close it. */
export interface CxDatabase {
  readonly db: Kysely<CoreTables>
  readonly sql: SqlDialect
  readonly url: string
  close(): Promise<void>
}

/** How long queries may run and how many run at once. */
export interface OpenDatabaseOptions {
  /**
   * The longest a query may run (default 15 s); past it the query is stopped and answers a 503. On
   * PostgreSQL it is every connection's `statement_timeout`; on a SQLite file it bounds each read from
   * the moment a worker takes it (a client that gives up while it waits drops it). Writes and
   * in-memory SQLite run on the main thread and cannot be stopped.
   */
  queryTimeoutMs?: number
  /**
   * SQLite files: worker threads that read at once (default: one per core, at least two). `0` reads on
   * the main connection, as in-memory SQLite does: for a one-off command that serves no other reader
   * (an import), each worker's thread and connection would be memory spent on nothing.
   */
  readers?: number
  /** SQLite: how commits are made durable (default `CXKIT_SQLITE_SYNCHRONOUS`, else `normal`; see `sqliteSynchronous`). */
  synchronous?: SqliteSynchronous
}

/** Readers wait this long for a lock, as the main connection does for another process's write. */
const busyTimeoutMs = 5000

/**
 * Opens a database by URL. SQLite files get WAL and foreign keys; their folder is created if missing.
 * Their selects outside a transaction run on read-only connections in worker threads, so a long read
 * never holds up the server; `sqlite::memory:` stays on one connection on the main thread, since an
 * in-memory database cannot be shared between threads.
 *
 * @example
 * const database = await openDatabase('sqlite::memory:')
 * await migrate(database, host)
 */
export async function openDatabase(
  url: string = defaultDatabaseUrl,
  options: OpenDatabaseOptions = {},
): Promise<CxDatabase> {
  const queryTimeoutMs = options.queryTimeoutMs ?? defaultQueryTimeoutMs
  const target = parseDatabaseUrl(url)
  if (target.dialect === 'sqlite') {
    const inMemory = target.file === ':memory:'
    if (!inMemory) mkdirSync(dirname(resolve(target.file)), { recursive: true })
    const connection = new SqliteDatabase(inMemory ? ':memory:' : target.file)
    // Bulk writes (an import of a million customers) touch fewer, fuller pages at 8 KiB than at the
    // default 4 KiB: about a fifth less time per row. It takes effect only when the file is created;
    // an existing database keeps the page size it was made with.
    connection.pragma('page_size = 8192')
    connection.pragma('journal_mode = WAL')
    connection.pragma('foreign_keys = ON')
    connection.pragma(`synchronous = ${sqliteSynchronous(options.synchronous)}`)
    // Wait for a writer in another process instead of failing at once.
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`)
    cachePreparedStatements(connection)
    const dialect =
      inMemory || options.readers === 0
        ? new ImmediateTransactionsSqliteDialect({ database: connection })
        : new WorkerReadsSqliteDialect(
            { database: connection },
            createSqliteReadPool({ file: target.file, readers: options.readers, queryTimeoutMs, busyTimeoutMs }),
          )
    const db = new Kysely<CoreTables>({ dialect })
    return { db, sql: sqliteDialect, url, close: () => db.destroy() }
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 10,
    types: numericTypes,
    statement_timeout: queryTimeoutMs,
  })
  // An idle pooled connection that dies (a server restart, a dropped database) emits 'error' on the
  // pool; unhandled, that event would end the process. The next query reports the problem instead.
  pool.on('error', () => {})
  // Fail at open, with the server's own message, rather than at the first query.
  const client = await pool.connect()
  client.release()
  const admin = new pg.Pool({ connectionString: target.connectionString, max: 1 })
  admin.on('error', () => {})
  const db = new Kysely<CoreTables>({ dialect: new BoundedPostgresDialect({ pool }, { queryTimeoutMs, admin }) })
  return { db, sql: postgresDialect, url, close: () => db.destroy() }
}
