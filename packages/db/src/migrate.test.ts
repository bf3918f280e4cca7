import { createHost, definePlugin } from '@cxkit/core'
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from './migrate.js'
import { type CxDatabase, openDatabase } from './open-database.js'
import { testDialects } from './testing/test-databases.js'

const notesPlugin = definePlugin({
  id: 'notes',
  version: '1.0.0',
  migrations: {
    '001_create_notes': {
      up: (db: Kysely<any>) =>
        db.schema
          .createTable('notes_notes')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull().references('workspaces.id'))
          .execute(),
    },
  },
})()

const tagsPlugin = definePlugin({
  id: 'note-tags',
  version: '1.0.0',
  dependsOn: ['notes'],
  migrations: {
    '001_create_tags': {
      // References the table of the plugin it depends on: works only if 'notes' migrated first.
      up: (db: Kysely<any>) =>
        db.schema
          .createTable('note_tags_tags')
          .addColumn('note_id', 'integer', (c) => c.references('notes_notes.id'))
          .addColumn('tag', 'varchar(64)')
          .execute(),
    },
  },
})()

for (const dialect of testDialects()) {
  describe(`migrate on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeEach(async () => {
      database = await dialect.open()
    })
    afterEach(async () => {
      await database.close()
    })

    it('runs core, then plugins in dependency order, and records each set apart', async () => {
      const report = await migrate(database, createHost([tagsPlugin, notesPlugin]))
      expect(report).toEqual([
        {
          set: 'core',
          applied: [
            '001_create_workspaces',
            '002_create_customers',
            '003_create_stages',
            '004_create_touchpoints',
            '005_create_metric_settings',
            '006_create_customer_identities',
            '007_add_touchpoint_details',
          ],
        },
        { set: 'notes', applied: ['001_create_notes'] },
        { set: 'note-tags', applied: ['001_create_tags'] },
      ])
      const db = database.db as unknown as Kysely<any>
      const recorded = await db.selectFrom('cxkit_migrations_note_tags').select('name').execute()
      expect(recorded.map((r) => r.name)).toEqual(['001_create_tags'])
    })

    it('is idempotent', async () => {
      const host = createHost([notesPlugin])
      await migrate(database, host)
      const again = await migrate(database, host)
      expect(again.every((set) => set.applied.length === 0)).toBe(true)
    })

    it('adds a plugin to an existing install without touching the others', async () => {
      await migrate(database, createHost([notesPlugin]))
      const report = await migrate(database, createHost([notesPlugin, tagsPlugin]))
      expect(report.find((r) => r.set === 'note-tags')?.applied).toEqual(['001_create_tags'])
      expect(report.find((r) => r.set === 'notes')?.applied).toEqual([])
    })

    it('rolls a failing migration back whole, records nothing, and retries it next time', async () => {
      let failing = true
      const flaky = definePlugin({
        id: 'flaky',
        version: '1.0.0',
        migrations: {
          '001_create_things': {
            async up(db: Kysely<any>) {
              await db.schema.createTable('flaky_things').addColumn('id', 'integer').execute()
              await db.insertInto('flaky_things').values({ id: 1 }).execute()
              if (failing) throw new Error('boom')
            },
          },
        },
      })()
      await expect(migrate(database, createHost([flaky]))).rejects.toThrow('boom')
      const db = database.db as unknown as Kysely<any>
      expect(await db.selectFrom('cxkit_migrations_flaky').selectAll().execute()).toEqual([])
      failing = false
      const report = await migrate(database, createHost([flaky]))
      expect(report.find((r) => r.set === 'flaky')?.applied).toEqual(['001_create_things'])
      const rows = await sql<{ n: number }>`select count(*) as n from flaky_things`.execute(db)
      expect(Number(rows.rows[0]?.n)).toBe(1)
    })

    it('refuses a database migrated by a version it does not know', async () => {
      await migrate(database, createHost([notesPlugin]))
      const db = database.db as unknown as Kysely<any>
      await db.insertInto('cxkit_migrations_notes').values({ name: '002_from_the_future', executed_at: 'x' }).execute()
      await expect(migrate(database, createHost([notesPlugin]))).rejects.toThrow(/002_from_the_future/)
    })

    it('enforces foreign keys', async () => {
      await migrate(database, createHost([]))
      await expect(
        database.db
          .insertInto('stages')
          .values({ workspace_id: 'nowhere', id: 'a', label_en: 'A', label_nl: null, position: 0 })
          .execute(),
      ).rejects.toThrow()
    })
  })
}

const pgDialect = testDialects().find((d) => d.name === 'postgres')
describe.skipIf(!pgDialect)('migrate on postgres, two processes at once', () => {
  it('applies each migration once when two migrators race', async () => {
    const first = await pgDialect!.open()
    const second = await openDatabase(first.url)
    try {
      const host = createHost([notesPlugin, tagsPlugin])
      const [a, b] = await Promise.all([migrate(first, host), migrate(second, host)])
      const applied = (reports: typeof a) => reports.flatMap((r) => r.applied.map((name) => `${r.set}/${name}`))
      const all = [...applied(a), ...applied(b)].sort()
      expect(all).toEqual([...new Set(all)])
      expect(all).toHaveLength(9)
    } finally {
      await second.close()
      await first.close()
    }
  })
})
