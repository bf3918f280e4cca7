import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { type CxDatabase, openDatabase } from '../open-database.js'

describe('SQLite transactions', () => {
  let dir: string
  let database: CxDatabase | undefined
  let other: Database.Database | undefined
  afterEach(async () => {
    other?.close()
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('hold the write lock from their start, so another process cannot write between a read and a write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxkit-lock-'))
    const file = join(dir, 'cx.db')
    database = await openDatabase(`sqlite:${file}`)
    await sql`create table items (id integer primary key, label text)`.execute(database.db)
    // Another process's connection to the same file, one that does not wait for locks.
    other = new Database(file)
    other.pragma('busy_timeout = 0')
    const writeFromOther = () => other!.prepare(`insert into items (label) values ('other')`).run()

    const reserved = await database.db.transaction().execute(async (trx) => {
      const ids = await database!.sql.reserveIds(trx, 'items', 2)
      // Had the transaction begun deferred, this write would go in, and the insert below would then
      // fail: SQLite cannot let a transaction that has read write after someone else has.
      expect(writeFromOther).toThrow(/locked|busy/i)
      await database!.sql.insertRows(
        trx,
        'items',
        ['id', 'label'],
        ids.map((id) => [id, 'ours']),
      )
      return ids
    })
    writeFromOther()
    expect(other.prepare('select id, label from items order by id').all()).toEqual([
      { id: reserved[0], label: 'ours' },
      { id: reserved[1], label: 'ours' },
      { id: reserved[1]! + 1, label: 'other' },
    ])
  })
})
