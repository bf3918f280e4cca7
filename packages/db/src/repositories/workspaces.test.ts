import { createHost, defaultStageModel, type StageModel, subscriptionStageModel } from '@cxkit/core'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'
import { insertCustomers } from './customers.js'
import { insertTouchpoints, listStages } from './journey-structure.js'
import { workspaceScopedTables } from './workspace-scoped-tables.js'
import { countWorkspaceRows, createWorkspace, deleteWorkspace, listWorkspaces, updateWorkspace } from './workspaces.js'

/**
 * A plugin-like table whose `workspace_id` has no foreign key at all, and one that references
 * touchpoints without any delete action: deleting a workspace must empty both anyway.
 */
async function addPluginTables(database: CxDatabase): Promise<void> {
  await database.db.schema
    .createTable('test_notes')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .execute()
  await database.db.schema
    .createTable('test_visits')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)', (col) => col.notNull())
    .addForeignKeyConstraint('test_visits_touchpoint', ['workspace_id', 'touchpoint_id'], 'touchpoints', [
      'workspace_id',
      'id',
    ])
    .execute()
}

async function fill(database: CxDatabase, workspace: string): Promise<void> {
  await createWorkspace(database, { id: workspace, name: workspace.toUpperCase(), locale: 'en' }, defaultStageModel)
  await insertCustomers(database, workspace, [{ externalId: 'c1', attributes: {} }])
  await insertTouchpoints(database, workspace, [{ id: 'shop', name: 'Shop', stageId: 'purchase', channel: 'website' }])
  await sql`insert into test_notes (id, workspace_id) values (${`${workspace}-n`}, ${workspace})`.execute(database.db)
  await sql`insert into test_visits (id, workspace_id, touchpoint_id) values (${`${workspace}-v`}, ${workspace}, 'shop')`.execute(
    database.db,
  )
}

async function rowsOf(database: CxDatabase, workspace: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await workspaceScopedTables(database)) {
    const { rows } = await sql<{
      n: number
    }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspace}`.execute(database.db)
    counts[table] = Number(rows[0]?.n)
  }
  return counts
}

for (const dialect of testDialects()) {
  describe(`workspaces on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeEach(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      await addPluginTables(database)
    })
    afterEach(async () => {
      await database.close()
    })

    it("creates a workspace with its stage model's stages, and refuses its id a second time", async () => {
      const created = await createWorkspace(
        database,
        { id: 'acme', name: 'Acme', locale: 'nl' },
        subscriptionStageModel,
      )
      expect(created).toMatchObject({ id: 'acme', name: 'Acme', locale: 'nl' })
      expect((await listStages(database, 'acme')).map((stage) => [stage.id, stage.labelNl, stage.position])).toEqual([
        ['trial', 'Proefperiode', 0],
        ['onboarding', 'Onboarding', 1],
        ['adoption', 'Ingebruikname', 2],
        ['renewal', 'Verlenging', 3],
        ['advocacy', 'Aanbeveling', 4],
      ])
      await expect(createWorkspace(database, { id: 'acme', name: 'Other', locale: 'en' })).rejects.toMatchObject({
        code: 'CXKIT_CONFLICT',
        status: 409,
      })
      expect((await listWorkspaces(database)).map((w) => w.name)).toEqual(['Acme'])
    })

    // SQLite runs write transactions one after the other; on PostgreSQL two creates of one id can both
    // pass the existence check, and the primary key stops the second.
    if (dialect.name === 'postgres') {
      it('answers a 409 when another create of the same id commits while this one waits', async () => {
        let second: Promise<unknown> | undefined
        await database.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('workspaces')
            .values({ id: 'acme', name: 'First', locale: 'en', created_at: 'x' })
            .execute()
          second = createWorkspace(
            database,
            { id: 'acme', name: 'Second', locale: 'en' },
            subscriptionStageModel,
          ).catch((error: unknown) => error)
          // Commit only once the second create waits on the key this transaction holds.
          await expect
            .poll(async () => {
              const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
                where wait_event_type = 'Lock' and application_name = current_setting('application_name')`.execute(
                database.db,
              )
              return Number(rows[0]?.n)
            })
            .toBe(1)
        })
        expect(await second).toMatchObject({ code: 'CXKIT_CONFLICT', status: 409 })
        expect(await listWorkspaces(database)).toMatchObject([{ id: 'acme', name: 'First' }])
        expect(await listStages(database, 'acme')).toEqual([])
      })
    }

    it('stores neither the workspace nor any stage when a stage cannot be stored', async () => {
      // Not built with defineStageModel, which would refuse the repeated id: the database refuses it here.
      const broken: StageModel = {
        id: 'broken',
        stages: [
          { id: 'one', order: 1, label: { en: 'One' } },
          { id: 'one', order: 2, label: { en: 'One again' } },
        ],
      }
      await expect(createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' }, broken)).rejects.toThrow()
      expect(await listWorkspaces(database)).toEqual([])
      expect(await listStages(database, 'acme')).toEqual([])
    })

    it('renames a workspace and changes its language; an unknown id is a 404', async () => {
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
      expect(await updateWorkspace(database, 'acme', { name: 'Acme Europe' })).toMatchObject({
        name: 'Acme Europe',
        locale: 'en',
      })
      expect(await updateWorkspace(database, 'acme', { locale: 'nl' })).toMatchObject({
        name: 'Acme Europe',
        locale: 'nl',
      })
      await expect(updateWorkspace(database, 'nope', { name: 'X' })).rejects.toMatchObject({ status: 404 })
    })

    it("deletes every row of a workspace in every table, foreign key or not, and leaves another's", async () => {
      await fill(database, 'acme')
      await fill(database, 'other')
      expect(await workspaceScopedTables(database)).toEqual(expect.arrayContaining(['test_notes', 'test_visits']))
      expect(await countWorkspaceRows(database, 'acme')).toEqual([
        { table: 'customers', rows: 1 },
        { table: 'stages', rows: 6 },
        { table: 'test_notes', rows: 1 },
        { table: 'test_visits', rows: 1 },
        { table: 'touchpoints', rows: 1 },
      ])
      const before = await rowsOf(database, 'other')

      await deleteWorkspace(database, 'acme')

      expect(Object.values(await rowsOf(database, 'acme')).every((n) => n === 0)).toBe(true)
      expect(await rowsOf(database, 'other')).toEqual(before)
      expect((await listWorkspaces(database)).map((w) => w.id)).toEqual(['other'])
      await expect(deleteWorkspace(database, 'acme')).rejects.toMatchObject({ status: 404 })
    })
  })
}
