import { fileURLToPath } from 'node:url'
import { createHost, defaultStageModel } from '@cxkit/core'
import { type CxDatabase, createWorkspace, insertTouchpoints, migrate, openDatabase } from '@cxkit/db'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/load-config.js'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

// Journey events through the real `cxkit` binary: a Dutch spreadsheet mapped with --map, imported
// twice, and a file with an unknown touchpoint that writes nothing.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const dutchMap = [
  '--locale',
  'nl',
  '--map',
  'Klant=customer',
  '--map',
  'Contactpunt=touchpoint',
  '--map',
  'Tijdstip=occurred_at',
  '--map',
  'Sessie=session',
  '--map',
  'Bron-id=source_id',
  '--map',
  'Pagina=attr.page',
]

async function storedEvents(database: CxDatabase) {
  const { rows } = await sql<{
    external_id: string
    touchpoint_id: string
    occurred_at: string
    session_id: string | null
    attributes: string
  }>`select c.external_id, e.touchpoint_id, e.occurred_at, e.session_id, e.attributes
    from journey_events e join customers c on c.id = e.customer_id order by e.occurred_ms`.execute(database.db)
  return rows.map((row) => [row.external_id, row.touchpoint_id, row.occurred_at, row.session_id, row.attributes])
}

for (const makeTarget of databaseTargets('cxkit-cli-events-')) {
  describe('cxkit import --entity events', { timeout: 240_000 }, () => {
    let target: DatabaseTarget
    let database: CxDatabase
    beforeAll(async () => {
      target = await makeTarget()
      const { config } = await loadConfig(bundledConfig)
      database = await openDatabase(target.url)
      await migrate(database, createHost(config.plugins))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'nl' }, defaultStageModel)
      await insertTouchpoints(database, 'acme', [
        { id: 'website', name: 'Website', stageId: 'consideration', channel: 'website' },
        { id: 'winkel', name: 'Winkel', stageId: 'purchase', channel: 'on-site' },
      ])
    }, 120_000)
    afterAll(async () => {
      await database?.close()
      await target?.cleanup()
    })
    const cli = (...args: string[]) =>
      runCli([...args, '--workspace', 'acme', '--config', bundledConfig, '--db', target.url])

    it('imports a Dutch file through --map, creating its customers, and stores nothing more the second time', async () => {
      const first = await cli('import', fixture('klantreis-nl.csv'), '--entity', 'events', ...dutchMap, '--json')
      expect(first.code, first.stderr).toBe(0)
      expect(JSON.parse(first.stdout)).toMatchObject({ status: 'imported', rows: 4, inserted: 4, rejected: 0 })
      const expected = [
        ['K-1', 'website', '2026-03-01T10:00:00.000Z', 's-1', '{"page":"/home"}'],
        ['K-1', 'website', '2026-03-01T10:03:00.000Z', 's-1', '{"page":"/schoenen"}'],
        ['K-2', 'winkel', '2026-03-02T14:30:00.000Z', null, '{}'],
        ['K-1', 'winkel', '2026-03-05T11:00:00.000Z', null, '{}'],
      ]
      expect(await storedEvents(database)).toEqual(expected)
      const customers = await database.db.selectFrom('customers').select('external_id').orderBy('external_id').execute()
      expect(customers.map((c) => c.external_id)).toEqual(['K-1', 'K-2'])

      const again = await cli('import', fixture('klantreis-nl.csv'), '--entity', 'events', ...dutchMap, '--json')
      expect(again.code, again.stderr).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({ rows: 4, inserted: 0, unchanged: 4, rejected: 0 })
      expect(await storedEvents(database)).toEqual(expected)
    })

    it('refuses a file with an unknown touchpoint, naming line and column, and writes nothing', async () => {
      const before = await storedEvents(database)
      const file = fixture('events-unknown-touchpoint.csv')
      const result = await cli('import', file, '--entity', 'events')
      expect(result.code).not.toBe(0)
      expect(result.stderr).toContain(`${file}:3:2 (touchpoint): no touchpoint 'webwinkel' in workspace 'acme'`)
      expect(result.stderr).toContain('nothing was imported')
      expect(await storedEvents(database)).toEqual(before)
      const k9 = await database.db.selectFrom('customers').select('id').where('external_id', '=', 'K-9').execute()
      expect(k9).toEqual([])
    })
  })
}
