import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { CoreTables, SqlDialect } from '@cxkit/core'
import { postgresDialect } from './dialects/postgres-dialect.js'
import { sqliteDialect } from './dialects/sqlite-dialect.js'
import { ImmediateTransactionsSqliteDialect } from './dialects/sqlite-immediate-transactions.js'
import { defaultDatabaseUrl, parseDatabaseUrl } from './parse-database-url.js'

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
 * Reusing the prepared statement for a text seen recently saves SQLite from parsing it again.
 */
function cachePreparedStatements(connection: SqliteDatabase.Database, size = 100): void {
  const prepare = connection.prepare.bind(connection)
  const cache = new Map<string, SqliteDatabase.Statement>()
  connection.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (!statement) {
      statement = prepare(source)
      cache.set(source, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
    }
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

/**
 * Opens a database by URL. SQLite files get WAL and foreign keys; their folder is created if missing.
 *
 * @example
 * const database = await openDatabase('sqlite::memory:')
 * await migrate(database, host)
 */
export async function openDatabase(url: string = defaultDatabaseUrl): Promise<CxDatabase> {
  const target = parseDatabaseUrl(url)
  if (target.dialect === 'sqlite') {
    const inMemory = target.file === ':memory:'
    if (!inMemory) mkdirSync(dirname(resolve(target.file)), { recursive: true })
    const connection = new SqliteDatabase(inMemory ? ':memory:' : target.file)
    connection.pragma('journal_mode = WAL')
    connection.pragma('foreign_keys = ON')
    // Wait for a writer in another process instead of failing at once.
    connection.pragma('busy_timeout = 5000')
    cachePreparedStatements(connection)
    const db = new Kysely<CoreTables>({ dialect: new ImmediateTransactionsSqliteDialect({ database: connection }) })
    return { db, sql: sqliteDialect, url, close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: target.connectionString, max: 10, types: numericTypes })
  // An idle pooled connection that dies (a server restart, a dropped database) emits 'error' on the
  // pool; unhandled, that event would end the process. The next query reports the problem instead.
  pool.on('error', () => {})
  // Fail at open, with the server's own message, rather than at the first query.
  const client = await pool.connect()
  client.release()
  const db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) })
  return { db, sql: postgresDialect, url, close: () => db.destroy() }
}
