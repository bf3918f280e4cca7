import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CxDatabase, openDatabase } from '../open-database.js'

describe('a SQLite file with reads in worker threads', () => {
  let dir: string
  let database: CxDatabase
  const labels = () =>
    sql<{ label: string }>`select label from items order by id`
      .execute(database.db)
      .then((r) => r.rows.map((row) => row.label))

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxkit-readers-'))
    database = await openDatabase(`sqlite:${join(dir, 'cx.db')}`, { readers: 2 })
    await sql`create table items (id integer primary key, label text not null, amount real)`.execute(database.db)
  })
  afterAll(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads what was written the moment the write returns', async () => {
    await sql`insert into items (label, amount) values ('first', 1.5), ('second', null)`.execute(database.db)
    const rows = await sql<{
      label: string
      amount: number | null
    }>`select label, amount from items where label <> ${'none'} order by id`.execute(database.db)
    expect(rows.rows).toEqual([
      { label: 'first', amount: 1.5 },
      { label: 'second', amount: null },
    ])
  })

  it('reads a transaction’s own writes inside it, and nothing of a rolled-back one outside', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into items (label) values ('uncommitted')`.execute(trx)
        const inside = await sql<{ n: number }>`select count(*) as n from items where label = 'uncommitted'`.execute(
          trx,
        )
        expect(inside.rows[0]!.n).toBe(1)
        // Outside the transaction a reader sees the last commit only.
        expect(await labels()).toEqual(['first', 'second'])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await labels()).toEqual(['first', 'second'])
  })
})
