import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './open-database.js'
import { sqliteSynchronous } from './sqlite-durability.js'

const folder = mkdtempSync(join(tmpdir(), 'cxkit-durability-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function synchronousOf(options: Parameters<typeof openDatabase>[1]): Promise<number> {
  const database = await openDatabase(`sqlite:${join(folder, `${Math.random()}.db`)}`, options)
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db)
    return rows[0]!.synchronous
  } finally {
    await database.close()
  }
}

describe('SQLite commit durability', () => {
  it('writes commits to the log without waiting for the disk by default, and waits when asked', async () => {
    // SQLite's numbers: 1 is NORMAL, 2 is FULL.
    expect(await synchronousOf({})).toBe(sqliteSynchronous(undefined) === 'full' ? 2 : 1)
    expect(await synchronousOf({ synchronous: 'normal' })).toBe(1)
    expect(await synchronousOf({ synchronous: 'full' })).toBe(2)
  })

  it('reads CXKIT_SQLITE_SYNCHRONOUS and names a bad value', () => {
    expect(sqliteSynchronous(undefined, {})).toBe('normal')
    expect(sqliteSynchronous(undefined, { CXKIT_SQLITE_SYNCHRONOUS: 'FULL' })).toBe('full')
    expect(sqliteSynchronous('normal', { CXKIT_SQLITE_SYNCHRONOUS: 'full' })).toBe('normal')
    expect(() => sqliteSynchronous(undefined, { CXKIT_SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /CXKIT_SQLITE_SYNCHRONOUS must be 'normal' or 'full', got 'off'/,
    )
  })
})
