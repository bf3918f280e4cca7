import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { createServer } from '@cxkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'

const customers = 50_000
const day = 86_400_000

/**
 * A SQLite file as the app serves it: reads on the worker threads, each bounded by the query timeout.
 * Fifty thousand customers with three events each make a funnel that takes far longer than 50 ms, while
 * the look-ups before it (the workspace, the steps) take well under a millisecond each.
 */
async function seedEvents(file: string): Promise<CxDatabase> {
  const database = await openDatabase(`sqlite:${file}`)
  await migrate(database, createHost([journeyPlugin()]))
  await createWorkspace(database, { id: 'big', name: 'Big', locale: 'en' })
  const db = database.db as any
  await db.insertInto('stages').values({ workspace_id: 'big', id: 'all', label_en: 'All', position: 0 }).execute()
  await db
    .insertInto('touchpoints')
    .values(
      ['ad', 'visit', 'buy'].map((id) => ({ workspace_id: 'big', id, name: id, stage_id: 'all', channel: 'website' })),
    )
    .execute()
  const createdAt = new Date().toISOString()
  await database.sql.transaction(database.db, async (trx) => {
    await database.sql.insertRows(
      trx,
      'customers',
      ['id', 'workspace_id', 'external_id', 'attributes', 'created_at'],
      Array.from({ length: customers }, (_, i) => [`c${i}`, 'big', `c${i}`, '{}', createdAt]),
    )
    await database.sql.insertRows(
      trx,
      'journey_events',
      ['id', 'workspace_id', 'customer_id', 'touchpoint_id', 'occurred_at', 'occurred_ms', 'attributes', 'created_at'],
      Array.from({ length: customers * 3 }, (_, i) => {
        const ms = Date.parse('2026-01-01T00:00:00.000Z') + (i % 3) * day + Math.floor(i / 3) * 1000
        return [
          `e${i}`,
          'big',
          `c${Math.floor(i / 3)}`,
          ['ad', 'visit', 'buy'][i % 3],
          new Date(ms).toISOString(),
          ms,
          '{}',
          createdAt,
        ]
      }),
    )
  })
  return database
}

describe('journey analysis on a SQLite file', () => {
  let dir: string
  let file: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxkit-journey-bounds-'))
    file = join(dir, 'events.db')
    await (await seedEvents(file)).close()
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const funnelWithin = async (queryTimeoutMs: number) => {
    const database = await openDatabase(`sqlite:${file}`, { queryTimeoutMs })
    try {
      const app = createServer({ plugins: createHost([journeyPlugin()]), db: database })
      const response = await app.request('/api/journey/funnel?workspace=big&steps=ad,visit,buy&window=3d')
      return {
        status: response.status,
        body: (await response.json()) as { code?: string; total?: { entered: number } },
      }
    } finally {
      await database.close()
    }
  }

  it('answers from the reader threads within the query timeout', async () => {
    const { status, body } = await funnelWithin(60_000)
    expect(status).toBe(200)
    expect(body.total!.entered).toBe(customers)
  }, 60_000)

  it('stops the funnel query past the query timeout with a 503', async () => {
    const { status, body } = await funnelWithin(50)
    expect(status).toBe(503)
    expect(body.code).toBe('CXKIT_QUERY_TIMEOUT')
  }, 60_000)
})
