import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type CxDatabase, openDatabase } from '../open-database.js'

/** One database flavour a storage test runs on. */
export interface TestDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Opens a new, empty database; `close()` also drops it (PostgreSQL). */
  open(): Promise<CxDatabase>
}

/** The PostgreSQL server tests may use, from `CXKIT_TEST_PG_URL`; undefined when unset. */
export function testPostgresUrl(): string | undefined {
  return process.env.CXKIT_TEST_PG_URL || undefined
}

/**
 * The dialects every storage test loops over: SQLite always, PostgreSQL when `CXKIT_TEST_PG_URL` is set.
 * Each `open()` gives a fresh database (a new in-memory SQLite, or a new PostgreSQL database), so test
 * files can run in parallel without seeing each other's rows.
 *
 * @example
 * for (const dialect of testDialects()) describe(dialect.name, () => { ... })
 */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [{ name: 'sqlite', open: () => openDatabase('sqlite::memory:') }]
  const pgUrl = testPostgresUrl()
  if (pgUrl) dialects.push({ name: 'postgres', open: () => openScratchPostgres(pgUrl) })
  else warnPostgresSkipped()
  return dialects
}

let warned = false
function warnPostgresSkipped(): void {
  if (warned) return
  warned = true
  console.warn('PostgreSQL tests skipped: set CXKIT_TEST_PG_URL=postgres://user@host:5432/db to run them')
}

async function openScratchPostgres(serverUrl: string): Promise<CxDatabase> {
  const name = `cxkit_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase(url.toString())
  return {
    ...database,
    async close() {
      await database.close()
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
    },
  }
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
