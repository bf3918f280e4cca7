import { createHost, defaultStageModel, isCxError } from '@cxkit/core'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { listTouchpoints } from '../repositories/journey-structure.js'
import { createWorkspace } from '../repositories/workspaces.js'
import { testDialects } from '../testing/test-databases.js'
import { addTouchpoint } from './add-touchpoint.js'
import { removeStage } from './remove-stage.js'
import { removeTouchpoint } from './remove-touchpoint.js'
import { updateTouchpoint } from './update-touchpoint.js'

async function failure(call: Promise<unknown>) {
  try {
    await call
  } catch (error) {
    if (!isCxError(error)) throw error
    const fields = (error.details?.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? []
    return { status: error.status, fields, message: error.message }
  }
  throw new Error('expected the call to fail')
}

/** A table that points at touchpoints with a restricting foreign key (as journey events do), and one without (as survey responses). */
async function addReferencingTables(database: CxDatabase): Promise<void> {
  await database.db.schema
    .createTable('test_events')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)', (col) => col.notNull())
    .addForeignKeyConstraint(
      'test_events_touchpoint',
      ['workspace_id', 'touchpoint_id'],
      'touchpoints',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('restrict'),
    )
    .execute()
  await database.db.schema
    .createTable('test_answers')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .execute()
}

for (const dialect of testDialects()) {
  describe(`touchpoints on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeEach(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' }, defaultStageModel)
      await createWorkspace(database, { id: 'other', name: 'Other', locale: 'en' }, defaultStageModel)
    })
    afterEach(async () => {
      await database.close()
    })

    it('adds touchpoints, naming them after their id when no name is given, listed by stage then name', async () => {
      const added = await addTouchpoint(database, 'acme', {
        id: 'web-checkout',
        stageId: 'purchase',
        channel: 'website',
        ownerTeam: 'E-commerce',
        description: 'The last page of the order.',
      })
      expect(added).toEqual({
        id: 'web-checkout',
        name: 'Web checkout',
        stageId: 'purchase',
        channel: 'website',
        kind: null,
        ownerTeam: 'E-commerce',
        description: 'The last page of the order.',
      })
      await addTouchpoint(database, 'acme', { id: 'parcel', name: 'Parcel', stageId: 'delivery', channel: 'delivery' })
      await addTouchpoint(database, 'acme', { id: 'ads', name: 'Social ads', stageId: 'awareness', channel: 'social' })
      await addTouchpoint(database, 'acme', { id: 'counter', name: 'Counter', stageId: 'purchase', channel: 'shop' })
      expect((await listTouchpoints(database, 'acme')).map((t) => t.id)).toEqual([
        'ads',
        'counter',
        'web-checkout',
        'parcel',
      ])
      expect(await listTouchpoints(database, 'other')).toEqual([])
    })

    it('refuses a taken id, an unknown stage, bad channels and text the columns cannot hold', async () => {
      await addTouchpoint(database, 'acme', { id: 'home', stageId: 'awareness', channel: 'website' })
      // Another workspace may use the same id.
      await addTouchpoint(database, 'other', { id: 'home', stageId: 'awareness', channel: 'website' })
      const base = { id: 'new', stageId: 'awareness', channel: 'website' } as const
      const cases: [Record<string, unknown>, number, string][] = [
        [{ ...base, id: 'home' }, 409, 'body.id'],
        [{ ...base, stageId: 'nope' }, 400, 'body.stageId'],
        [{ ...base, channel: 'widget' }, 400, 'body.channel'],
        [{ ...base, id: 'Not A Slug' }, 400, 'body.id'],
        [{ ...base, id: 'x'.repeat(65) }, 400, 'body.id'],
        [{ ...base, name: 'x'.repeat(201) }, 400, 'body.name'],
        [{ ...base, ownerTeam: 'Team\u0000' }, 400, 'body.ownerTeam'],
        [{ ...base, description: 'x'.repeat(2001) }, 400, 'body.description'],
      ]
      for (const [input, status, field] of cases) {
        expect(await failure(addTouchpoint(database, 'acme', input as never))).toMatchObject({
          status,
          fields: [field],
        })
      }
      expect((await failure(addTouchpoint(database, 'nope', base))).status).toBe(404)
      expect((await listTouchpoints(database, 'acme')).map((t) => t.id)).toEqual(['home'])
    })

    it('changes a touchpoint field by field, null clearing owner team and description', async () => {
      await addTouchpoint(database, 'acme', {
        id: 'kiosk',
        stageId: 'purchase',
        channel: 'on-site',
        ownerTeam: 'Stores',
        description: 'Self-service',
      })
      expect(await updateTouchpoint(database, 'acme', 'kiosk', { stageId: 'delivery', channel: 'shop' })).toMatchObject(
        {
          name: 'Kiosk',
          stageId: 'delivery',
          channel: 'shop',
          ownerTeam: 'Stores',
          description: 'Self-service',
        },
      )
      expect(
        await updateTouchpoint(database, 'acme', 'kiosk', { name: 'Store kiosk', ownerTeam: null, description: null }),
      ).toMatchObject({ name: 'Store kiosk', stageId: 'delivery', ownerTeam: null, description: null })
      expect(await failure(updateTouchpoint(database, 'acme', 'kiosk', { stageId: 'nope' }))).toMatchObject({
        status: 400,
        fields: ['body.stageId'],
      })
      expect(await failure(updateTouchpoint(database, 'acme', 'kiosk', { name: '' }))).toMatchObject({
        status: 400,
        fields: ['body.name'],
      })
      expect((await failure(updateTouchpoint(database, 'acme', 'nope', { name: 'X' }))).status).toBe(404)
      expect((await listTouchpoints(database, 'acme'))[0]).toMatchObject({ name: 'Store kiosk', stageId: 'delivery' })
    })

    it('removes a touchpoint nothing points at, and refuses one that rows reference, naming them', async () => {
      await addReferencingTables(database)
      for (const id of ['free', 'evented', 'answered']) {
        await addTouchpoint(database, 'acme', { id, stageId: 'purchase', channel: 'website' })
      }
      await addTouchpoint(database, 'other', { id: 'free', stageId: 'purchase', channel: 'website' })
      await sql`insert into test_events (id, workspace_id, touchpoint_id) values ('e1', 'acme', 'evented'), ('e2', 'acme', 'evented')`.execute(
        database.db,
      )
      await sql`insert into test_answers (workspace_id, touchpoint_id) values ('acme', 'answered'), ('other', 'free')`.execute(
        database.db,
      )

      await removeTouchpoint(database, 'acme', 'free')
      const events = await failure(removeTouchpoint(database, 'acme', 'evented'))
      expect(events).toMatchObject({ status: 409, fields: ['param.id'] })
      expect(events.message).toContain("touchpoint 'evented' is still referenced: 2 rows in test_events")
      const answers = await failure(removeTouchpoint(database, 'acme', 'answered'))
      expect(answers.message).toContain('1 row in test_answers')
      expect((await listTouchpoints(database, 'acme')).map((t) => t.id).sort()).toEqual(['answered', 'evented'])
      expect((await failure(removeTouchpoint(database, 'acme', 'free'))).status).toBe(404)
    })

    it('moves touchpoints with their stage removal in one transaction', async () => {
      await addTouchpoint(database, 'acme', { id: 'a', stageId: 'advocacy', channel: 'social' })
      await addTouchpoint(database, 'acme', { id: 'b', stageId: 'advocacy', channel: 'email' })
      await removeStage(database, 'acme', 'advocacy', { moveTo: 'retention' })
      expect((await listTouchpoints(database, 'acme')).map((t) => [t.id, t.stageId])).toEqual([
        ['a', 'retention'],
        ['b', 'retention'],
      ])
    })

    it('answers concurrent adds of one id with one touchpoint and one 409', async () => {
      const add = () => addTouchpoint(database, 'acme', { id: 'chat', stageId: 'retention', channel: 'chatbot' })
      const results = await Promise.allSettled([add(), add(), add()])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const result of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect((result.reason as { status?: number }).status).toBe(409)
      }
      expect((await listTouchpoints(database, 'acme')).map((t) => t.id)).toEqual(['chat'])
    })
  })
}
