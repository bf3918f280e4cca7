import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type CxDatabase, openDatabase } from '../open-database.js'

/** One database flavour a storage test runs on. */
export interface TestDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Opens a new, empty database; `close()` also drops it (PostgreSQL). */
  open(): Promise<CxDatabase>
}

/** An empty place on a PostgreSQL server that a test, or a process it starts, may fill. */
export interface ScratchPostgres {
  /** A `postgres://` URL whose connections see only this scratch schema. */
  readonly url: string
  /** Ends every connection still using it, then drops it with everything in it. */
  drop(): Promise<void>
}

/** The PostgreSQL server tests may use, from `CXKIT_TEST_PG_URL`; undefined when unset. */
export function testPostgresUrl(): string | undefined {
  return process.env.CXKIT_TEST_PG_URL || undefined
}

/**
 * The dialects every storage test loops over: SQLite always, PostgreSQL when `CXKIT_TEST_PG_URL` is set.
 * Each `open()` gives a fresh database (a new in-memory SQLite, or a new PostgreSQL schema), so test
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

/**
 * Creates a scratch schema on the server and a URL that puts it first on the search path.
 *
 * A schema, not a database: `create database` copies a template and `drop database` waits for a
 * checkpoint, which under a busy parallel test run took seconds each; a schema costs a catalogue row.
 *
 * @example
 * const scratch = await createScratchPostgres(testPostgresUrl()!)
 * spawn('cxkit', ['migrate', '--db', scratch.url]); ...; await scratch.drop()
 */
export async function createScratchPostgres(serverUrl: string): Promise<ScratchPostgres> {
  const name = `cxkit_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create schema ${name}`)
  const url = new URL(serverUrl)
  // Tests need no durability across a server crash: commits need not wait for the WAL to reach disk.
  url.searchParams.set('options', `-c search_path=${name} -c synchronous_commit=off`)
  // Tagging connections lets drop() end those a test left open (a child process, a pool being closed).
  url.searchParams.set('application_name', name)
  return {
    url: url.toString(),
    async drop() {
      await adminQuery(
        serverUrl,
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${name}' and pid <> pg_backend_pid()`,
      )
      await adminQuery(serverUrl, `drop schema if exists ${name} cascade`)
    },
  }
}

async function openScratchPostgres(serverUrl: string): Promise<CxDatabase> {
  const scratch = await createScratchPostgres(serverUrl)
  const database = await openDatabase(scratch.url)
  return {
    ...database,
    async close() {
      await database.close()
      await scratch.drop()
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
