import { createHost } from '@cxkit/core'
import { type CxDatabase, migrate, workspaceScopedTables } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { seedDemoWorkspace } from '@cxkit/demo'
import { createServer } from '@cxkit/server'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../cxkit.config.js'

const host = createHost(config.plugins)
const now = new Date('2026-06-30T12:00:00Z')

/** Rows of a workspace in every table that has a `workspace_id` column, read from the catalogue. */
async function rowsPerTable(database: CxDatabase, workspace: string): Promise<Record<string, number>> {
  const tables =
    database.sql.name === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.columns
          where table_schema = current_schema() and column_name = 'workspace_id'`.execute(database.db)
      : await sql<{ name: string }>`select m.name as name from sqlite_master m join pragma_table_info(m.name) c
          where m.type = 'table' and c.name = 'workspace_id'`.execute(database.db)
  const counts: Record<string, number> = {}
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}
      where workspace_id = ${workspace}`.execute(database.db)
    counts[name] = Number(rows[0]?.n)
  }
  return counts
}

for (const dialect of testDialects()) {
  describe(`deleting a workspace of the bundled app on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await dialect.open()
      await migrate(database, host)
      await seedDemoWorkspace(database, host, { seed: 3, customers: 60, now })
      await seedDemoWorkspace(database, host, { seed: 4, customers: 60, now, workspace: { id: 'kept', name: 'Kept' } })
    }, 120_000)
    afterAll(async () => {
      await database.close()
    })

    it('removes every row of it in every core and plugin table, and nothing of another workspace', async () => {
      const before = await rowsPerTable(database, 'demo')
      const kept = await rowsPerTable(database, 'kept')
      // The demo fills tables of every bundled plugin: a delete that missed one would show below.
      const filled = Object.keys(before).filter((table) => (before[table] ?? 0) > 0)
      for (const plugin of host.plugins) {
        const owns = (table: string) => table.startsWith(`${plugin.id}_`)
        if (Object.keys(before).some(owns)) expect(filled.some(owns), plugin.id).toBe(true)
      }
      const pluginTables = filled.filter((table) => host.plugins.some((plugin) => table.startsWith(`${plugin.id}_`)))
      expect(pluginTables.length).toBeGreaterThanOrEqual(3)
      expect(filled).toEqual(expect.arrayContaining(['customers', 'stages', 'touchpoints', 'journey_events']))
      expect(new Set(await workspaceScopedTables(database))).toEqual(
        new Set(Object.keys(before).filter((table) => table !== 'workspaces')),
      )

      const app = createServer({ plugins: host, db: database })
      const response = await app.request('/api/workspaces/demo?confirm=demo', { method: 'DELETE' })
      expect(response.status).toBe(204)

      const after = await rowsPerTable(database, 'demo')
      expect(Object.entries(after).filter(([, rows]) => rows > 0)).toEqual([])
      expect(await rowsPerTable(database, 'kept')).toEqual(kept)
      const workspaces = (await (await app.request('/api/workspaces')).json()) as { id: string }[]
      expect(workspaces.map((w) => w.id)).toEqual(['kept'])
    }, 120_000)
  })
}
