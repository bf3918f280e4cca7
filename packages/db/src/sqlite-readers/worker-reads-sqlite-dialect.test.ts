import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CxDatabase, openDatabase } from '../open-database.js'
import { withMainConnectionReads, withQuerySignal } from '../query-signal.js'

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

  it('reads on the main connection when asked (the reads of a request that writes)', async () => {
    // A temporary table lives on the connection that made it: only the main connection sees it.
    await sql`create temp table scratch (n integer)`.execute(database.db)
    await expect(sql`select n from scratch`.execute(database.db)).rejects.toThrow()
    const rows = await withMainConnectionReads(() => sql`select n from scratch`.execute(database.db))
    expect(rows.rows).toEqual([])
  })

  it('fails a read as an error that says why, with its SQLite code', async () => {
    const failed = await sql`select label from no_such_items`.execute(database.db).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(Error)
    expect((failed as Error).message).toContain('no such table: no_such_items')
    expect((failed as { code?: string }).code).toBe('SQLITE_ERROR')
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

  it('drops a read whose client has gone while it waits for a reader, and leaves the running one alone', async () => {
    const oneReader = await openDatabase(`sqlite:${join(dir, 'cx.db')}`, { readers: 1 })
    try {
      const slow = sql<{
        n: number
      }>`select (with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000) select count(*) from c) as n`.execute(
        oneReader.db,
      )
      const client = new AbortController()
      const waiting = withQuerySignal(client.signal, () => sql`select label from items`.execute(oneReader.db))
      client.abort()
      await expect(waiting).rejects.toMatchObject({ code: 'CXKIT_QUERY_CANCELLED', status: 499 })
      expect((await slow).rows).toEqual([{ n: 2_000_000 }])
    } finally {
      await oneReader.close()
    }
  })
})

describe('a SQLite file opened with no readers', () => {
  it('reads on its one connection, as an import command opens it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxkit-no-readers-'))
    const database = await openDatabase(`sqlite:${join(dir, 'cx.db')}`, { readers: 0 })
    try {
      // A temporary table lives on the connection that made it: a read in a worker would not find it.
      await sql`create temp table scratch (n integer)`.execute(database.db)
      await sql`insert into scratch (n) values (7)`.execute(database.db)
      expect((await sql<{ n: number }>`select n from scratch`.execute(database.db)).rows).toEqual([{ n: 7 }])
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
