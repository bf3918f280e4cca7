import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost, defineMetric, definePlugin } from '@cxkit/core'
import {
  type CxDatabase,
  createWorkspace,
  migrate,
  type OpenDatabaseOptions,
  openDatabase,
  queryTimeoutSetting,
} from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createServer } from './create-server.js'
import { type RunningServer, startServer } from './start-server.js'

/** What the slow metric's queries did, in the order it happened. */
type Outcome = 'finished' | 'stopped'

/**
 * A metric whose query takes as long as asked, whatever the data: SQLite counts `rows` rows of a
 * recursive CTE; PostgreSQL sleeps `seconds`. Both are plain selects through `ctx.db`, as any
 * plugin's metric query is.
 */
function slowPlugin(size: { rows: number; seconds: number }) {
  const probe = { started: 0, outcomes: [] as Outcome[] }
  const plugin = definePlugin({
    id: 'slow',
    version: '1.0.0',
    metrics: [
      defineMetric({
        id: 'slow-count',
        label: { en: 'Slow count' },
        unit: 'count',
        direction: 'neutral',
        async compute({ db, sql: dialect }) {
          const query =
            dialect.name === 'postgres'
              ? sql<{ n: number }>`select count(*) as n from (select pg_sleep(${size.seconds})) as slept`
              : sql<{
                  n: number
                }>`select (with recursive c(x) as (select 1 union all select x + 1 from c where x < ${size.rows}) select count(*) from c) as n`
          probe.started++
          try {
            const { rows } = await query.execute(db)
            probe.outcomes.push('finished')
            return { value: rows[0]!.n, n: rows[0]!.n }
          } catch (error) {
            probe.outcomes.push('stopped')
            throw error
          }
        },
      }),
    ],
  })()
  return { plugin, probe }
}

interface Running {
  readonly server: RunningServer
  readonly database: CxDatabase
  readonly probe: ReturnType<typeof slowPlugin>['probe']
  metricUrl(): string
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** The app on a real socket over a database file (or a scratch PostgreSQL schema) with the slow plugin. */
async function startSlowApp(
  dialect: 'sqlite' | 'postgres',
  size: { rows: number; seconds: number },
  options: OpenDatabaseOptions,
): Promise<Running> {
  let url: string
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cxkit-slow-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    url = `sqlite:${join(dir, 'cx.db')}`
  } else {
    const scratch = await createScratchPostgres(testPostgresUrl()!)
    cleanups.push(() => scratch.drop())
    url = scratch.url
  }
  const database: CxDatabase = await openDatabase(url, options)
  cleanups.push(() => database.close())
  const { plugin, probe } = slowPlugin(size)
  const host = createHost([plugin])
  await migrate(database, host)
  await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
  const server = await startServer(createServer({ plugins: host, db: database }), { port: 0 })
  cleanups.push(() => server.close())
  return {
    server,
    database,
    probe,
    metricUrl: () => `${server.url}/api/metrics/slow-count?workspace=acme&from=2026-01-01&to=2026-02-01`,
  }
}

describe('slow SQLite reads', () => {
  it('leave the server free: /api/health answers while two slow metric queries run', async () => {
    const app = await startSlowApp('sqlite', { rows: 2_000_000, seconds: 0 }, { readers: 3 })
    const answered: string[] = []
    const slow = [1, 2].map((i) =>
      fetch(app.metricUrl()).then(async (response) => {
        answered.push(`slow ${i}`)
        return response.status
      }),
    )
    // Both slow queries are under way before health is asked.
    await vi.waitFor(() => expect(app.probe.started).toBe(2), { timeout: 20_000 })
    const health = await fetch(`${app.server.url}/api/health`)
    answered.push('health')
    expect(health.status).toBe(200)
    expect(await Promise.all(slow)).toEqual([200, 200])
    expect(answered[0]).toBe('health')
    expect(app.probe.outcomes).toEqual(['finished', 'finished'])
  })

  it('leave /api/health unqueued when every reader is busy: its check runs on the main connection', async () => {
    // The one reader counts towards a trillion: busy until the client walks away, however fast the machine.
    const app = await startSlowApp('sqlite', { rows: 1e12, seconds: 0 }, { readers: 1 })
    const client = new AbortController()
    const slow = fetch(app.metricUrl(), { signal: client.signal }).catch(() => 'abandoned')
    await vi.waitFor(() => expect(app.probe.started).toBe(1), { timeout: 20_000 })
    // Queued behind the reader, health would never answer; ten seconds is ample on a loaded machine.
    const health = await fetch(`${app.server.url}/api/health`, { signal: AbortSignal.timeout(10_000) })
    expect(health.status).toBe(200)
    expect(app.probe.outcomes).toEqual([])
    // The client walks away: the reader is stopped, so nothing waits for the count.
    client.abort()
    expect(await slow).toBe('abandoned')
    await vi.waitFor(() => expect(app.probe.outcomes).toEqual(['stopped']), { timeout: 20_000 })
  })
})

describe('a long write on SQLite', () => {
  it('leaves /api/health answering: with the main connection held, a reader thread answers', async () => {
    const app = await startSlowApp('sqlite', { rows: 0, seconds: 0 }, { readers: 1 })
    let release = () => {}
    const holding = new Promise<void>((resolve) => {
      release = resolve
    })
    let inTransaction = false
    // An import is one transaction on the main connection, held for as long as the file takes.
    const write = app.database.sql.transaction(app.database.db, async (trx) => {
      await trx.updateTable('workspaces').set({ name: 'Acme (importing)' }).where('id', '=', 'acme').execute()
      inTransaction = true
      await holding
    })
    await vi.waitFor(() => expect(inTransaction).toBe(true))
    try {
      // On the main connection alone, health would wait for the whole write; ten seconds is ample.
      const health = await fetch(`${app.server.url}/api/health`, { signal: AbortSignal.timeout(10_000) })
      expect(health.status).toBe(200)
    } finally {
      release()
      await write
    }
  })
})

const dialects: ('sqlite' | 'postgres')[] = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite']
for (const dialect of dialects) {
  describe(`a query past the time bound on ${dialect}`, () => {
    it('answers 503 problem+json naming the limit, and the server goes on answering', async () => {
      // Ten times the bound and more: the query cannot finish in time, however fast the machine.
      const app = await startSlowApp(dialect, { rows: 10_000_000, seconds: 10 }, { queryTimeoutMs: 1000, readers: 1 })
      const response = await fetch(app.metricUrl())
      expect(response.status).toBe(503)
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const problem = (await response.json()) as { code: string; detail: string }
      expect(problem.code).toBe('CXKIT_QUERY_TIMEOUT')
      expect(problem.detail).toContain(`${queryTimeoutSetting} (1000 ms)`)
      expect(app.probe.outcomes).toEqual(['stopped'])
      expect((await fetch(`${app.server.url}/api/health`)).status).toBe(200)
    })
  })

  describe(`a slow query on ${dialect}`, () => {
    it('stops when its client goes away, freeing the connection for the next request', async () => {
      const app = await startSlowApp(dialect, { rows: 10_000_000, seconds: 10 }, { readers: 1 })
      const client = new AbortController()
      const abandoned = fetch(app.metricUrl(), { signal: client.signal }).catch((error: Error) => error.name)
      await vi.waitFor(() => expect(app.probe.started).toBe(1), { timeout: 20_000 })
      client.abort()
      expect(await abandoned).toBe('AbortError')
      await vi.waitFor(() => expect(app.probe.outcomes).toEqual(['stopped']), { timeout: 20_000 })
      // On SQLite the only reader runs this next read: it must have left the abandoned one.
      const next = await fetch(`${app.server.url}/api/workspaces`)
      expect(next.status).toBe(200)
      expect(app.probe.outcomes).toEqual(['stopped'])
    })
  })
}
