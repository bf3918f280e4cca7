import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './open-database.js'

const folder = mkdtempSync(join(tmpdir(), 'cxkit-page-size-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function pageSizeOf(file: string): Promise<number> {
  const database = await openDatabase(`sqlite:${file}`, { readers: 0 })
  try {
    await sql`create table if not exists probe (id integer primary key)`.execute(database.db)
    const { rows } = await sql<{ page_size: number }>`pragma page_size`.execute(database.db)
    return rows[0]!.page_size
  } finally {
    await database.close()
  }
}

describe('SQLite page size', () => {
  it('makes a new database with 8 KiB pages, which bulk imports write faster', async () => {
    const file = join(folder, 'new.db')
    expect(await pageSizeOf(file)).toBe(8192)
    // Opened again, it stays as it was made.
    expect(await pageSizeOf(file)).toBe(8192)
  })

  it('leaves a database made with other pages as it is', async () => {
    const file = join(folder, 'old.db')
    const made = new Database(file)
    made.pragma('page_size = 4096')
    made.exec('create table kept (id integer primary key); insert into kept values (1)')
    made.close()
    expect(await pageSizeOf(file)).toBe(4096)
    const reopened = new Database(file, { readonly: true })
    expect(reopened.prepare('select count(*) as n from kept').get()).toEqual({ n: 1 })
    reopened.close()
  })
})
