import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '@cxkit/db'
import { sql } from 'kysely'

/** A fresh, empty database for one load run, on SQLite or PostgreSQL. */
export interface LoadDatabase {
  dialect: 'sqlite' | 'postgres'
  url: string
  /** The idempotency keys stored with the given prefix (read after the app has stopped). */
  storedKeys(prefix: string): Promise<Set<string>>
  dispose(): Promise<void>
}

/** A new SQLite file in a temporary directory. */
export function freshSqlite(): LoadDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'cxkit-load-'))
  const url = `sqlite:${join(dir, 'load.db')}`
  return {
    dialect: 'sqlite',
    url,
    storedKeys: (prefix) => storedKeys(url, prefix),
    async dispose() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A new database on the PostgreSQL server of `serverUrl`, or null when none answers there (the
 * load bench then runs on SQLite only and says so).
 */
export async function freshPostgres(serverUrl: string): Promise<LoadDatabase | null> {
  let admin: Awaited<ReturnType<typeof openDatabase>>
  try {
    admin = await openDatabase(serverUrl)
    await sql`select 1`.execute(admin.db)
  } catch {
    return null
  }
  const name = `cxkit_load_${Date.now()}`
  await sql`create database ${sql.id(name)}`.execute(admin.db)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    dialect: 'postgres',
    url: url.toString(),
    storedKeys: (prefix) => storedKeys(url.toString(), prefix),
    async dispose() {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
      await admin.close()
    },
  }
}

async function storedKeys(url: string, prefix: string): Promise<Set<string>> {
  const database = await openDatabase(url)
  try {
    // API clients' keys are stored in their own namespace, `api:<key>`: read them back as they were sent.
    const rows = await sql<{ key: string }>`
      select idempotency_key as key from surveys_responses where idempotency_key like ${`api:${prefix}%`}
    `.execute(database.db)
    return new Set(rows.rows.map((row) => row.key.slice('api:'.length)))
  } finally {
    await database.close()
  }
}
