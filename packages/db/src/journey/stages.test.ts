import { createHost, defaultStageModel, isCxError } from '@cxkit/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { insertTouchpoints } from '../repositories/journey-structure.js'
import { createWorkspace } from '../repositories/workspaces.js'
import { testDialects } from '../testing/test-databases.js'
import { addStage } from './add-stage.js'
import { relabelStage } from './relabel-stage.js'
import { removeStage } from './remove-stage.js'
import { reorderStages } from './reorder-stages.js'
import { listWorkspaceStages } from './workspace-stages.js'

/** What a call threw, as status, fields and message; fails the test when it did not throw. */
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

for (const dialect of testDialects()) {
  describe(`stages on ${dialect.name}`, () => {
    let database: CxDatabase
    const ids = async (workspace = 'acme') => (await listWorkspaceStages(database, workspace)).map((s) => s.id)
    beforeEach(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' }, defaultStageModel)
      await createWorkspace(database, { id: 'other', name: 'Other', locale: 'en' }, defaultStageModel)
    })
    afterEach(async () => {
      await database.close()
    })

    it('lists stages in order with their labels and touchpoint counts', async () => {
      await insertTouchpoints(database, 'acme', [
        { id: 'ads', name: 'Ads', stageId: 'awareness', channel: 'social' },
        { id: 'home', name: 'Home', stageId: 'awareness', channel: 'website' },
      ])
      const stages = await listWorkspaceStages(database, 'acme')
      expect(stages[0]).toEqual({
        id: 'awareness',
        label: { en: 'Awareness', nl: 'Bewustwording' },
        position: 0,
        touchpointCount: 2,
      })
      expect(stages.map((s) => [s.id, s.position, s.touchpointCount])).toEqual([
        ['awareness', 0, 2],
        ['consideration', 1, 0],
        ['purchase', 2, 0],
        ['delivery', 3, 0],
        ['retention', 4, 0],
        ['advocacy', 5, 0],
      ])
      expect((await failure(listWorkspaceStages(database, 'nope'))).status).toBe(404)
    })

    it('adds a stage at the end or after another, and refuses a taken id or an unknown after', async () => {
      expect(await addStage(database, 'acme', { id: 'referral', label: { en: 'Referral' } })).toEqual({
        id: 'referral',
        label: { en: 'Referral' },
        position: 6,
        touchpointCount: 0,
      })
      const repair = await addStage(database, 'acme', {
        id: 'repair',
        label: { en: 'Repair', nl: 'Reparatie' },
        after: 'delivery',
      })
      expect(repair.position).toBe(4)
      expect(await ids()).toEqual([
        'awareness',
        'consideration',
        'purchase',
        'delivery',
        'repair',
        'retention',
        'advocacy',
        'referral',
      ])
      expect((await listWorkspaceStages(database, 'acme')).map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])

      expect(await failure(addStage(database, 'acme', { id: 'repair', label: { en: 'Again' } }))).toMatchObject({
        status: 409,
        fields: ['body.id'],
      })
      expect(await failure(addStage(database, 'acme', { id: 'x', label: { en: 'X' }, after: 'nope' }))).toMatchObject({
        status: 400,
        fields: ['body.after'],
      })
      expect(await failure(addStage(database, 'acme', { id: 'x', label: { en: 'x'.repeat(101) } }))).toMatchObject({
        status: 400,
        fields: ['body.label.en'],
      })
      expect(await failure(addStage(database, 'acme', { id: 'Bad Id', label: { en: 'X' } }))).toMatchObject({
        status: 400,
        fields: ['body.id'],
      })
      expect(await failure(addStage(database, 'acme', { id: 'x', label: { en: 'X\u0000' } }))).toMatchObject({
        status: 400,
        fields: ['body.label.en'],
      })
      // The other workspace's stages are untouched.
      expect(await ids('other')).toEqual(defaultStageModel.stages.map((s) => s.id))
    })

    it('relabels a stage, keeping a language left out and clearing Dutch with null', async () => {
      expect(await relabelStage(database, 'acme', 'purchase', { en: 'Order' })).toMatchObject({
        label: { en: 'Order', nl: 'Aankoop' },
      })
      expect(await relabelStage(database, 'acme', 'purchase', { nl: null })).toMatchObject({ label: { en: 'Order' } })
      expect((await failure(relabelStage(database, 'acme', 'nope', { en: 'X' }))).status).toBe(404)
      expect((await failure(relabelStage(database, 'nope', 'purchase', { en: 'X' }))).status).toBe(404)
      expect(await failure(relabelStage(database, 'acme', 'purchase', {}))).toMatchObject({ status: 400 })
    })

    it('removes a stage without touchpoints and closes the gap', async () => {
      await removeStage(database, 'acme', 'consideration')
      expect((await listWorkspaceStages(database, 'acme')).map((s) => [s.id, s.position])).toEqual([
        ['awareness', 0],
        ['purchase', 1],
        ['delivery', 2],
        ['retention', 3],
        ['advocacy', 4],
      ])
      expect((await failure(removeStage(database, 'acme', 'consideration'))).status).toBe(404)
    })

    it('refuses to remove a stage with touchpoints, saying how many, unless they move to another stage', async () => {
      await insertTouchpoints(database, 'acme', [
        { id: 'ads', name: 'Ads', stageId: 'awareness', channel: 'social' },
        { id: 'home', name: 'Home', stageId: 'awareness', channel: 'website' },
      ])
      const refused = await failure(removeStage(database, 'acme', 'awareness'))
      expect(refused.status).toBe(409)
      expect(refused.message).toContain("stage 'awareness' still has 2 touchpoints")
      expect(await failure(removeStage(database, 'acme', 'awareness', { moveTo: 'nope' }))).toMatchObject({
        status: 400,
        fields: ['query.moveTo'],
      })
      expect(await failure(removeStage(database, 'acme', 'awareness', { moveTo: 'awareness' }))).toMatchObject({
        status: 400,
        fields: ['query.moveTo'],
      })
      expect(await ids()).toContain('awareness')

      await removeStage(database, 'acme', 'awareness', { moveTo: 'consideration' })
      const stages = await listWorkspaceStages(database, 'acme')
      expect(stages[0]).toMatchObject({ id: 'consideration', position: 0, touchpointCount: 2 })
      expect(stages).toHaveLength(5)
    })

    it('refuses to remove a stage that other rows name, listing them', async () => {
      await database.db.schema
        .createTable('test_answers')
        .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('stage_id', 'varchar(64)')
        .execute()
      await database.db
        .insertInto('test_answers' as never)
        .values([
          { workspace_id: 'acme', stage_id: 'delivery' },
          { workspace_id: 'acme', stage_id: 'delivery' },
          { workspace_id: 'other', stage_id: 'purchase' },
        ] as never)
        .execute()
      const refused = await failure(removeStage(database, 'acme', 'delivery'))
      expect(refused.status).toBe(409)
      expect(refused.message).toContain('2 rows in test_answers')
      // Another workspace's rows do not count.
      await removeStage(database, 'acme', 'purchase')
      expect(await ids()).not.toContain('purchase')
    })

    it('reorders stages from the full list of ids, and refuses any other list whole', async () => {
      const order = ['advocacy', 'retention', 'delivery', 'purchase', 'consideration', 'awareness']
      const reordered = await reorderStages(database, 'acme', order)
      expect(reordered.map((s) => [s.id, s.position])).toEqual(order.map((id, index) => [id, index]))
      expect(await ids()).toEqual(order)
      expect(await ids('other')).toEqual(defaultStageModel.stages.map((s) => s.id))

      const cases: [string[], string][] = [
        [order.slice(1), "'advocacy' missing"],
        [[...order, 'nope'], "'nope' is not a stage"],
        [[...order.slice(1), 'retention'], "'retention' more than once"],
      ]
      for (const [ids, message] of cases) {
        const refused = await failure(reorderStages(database, 'acme', ids))
        expect(refused).toMatchObject({ status: 400, fields: ['body.ids'] })
        expect(refused.message).toContain(message)
      }
      expect(await failure(reorderStages(database, 'acme', []))).toMatchObject({ status: 400, fields: ['body.ids'] })
      expect(await ids()).toEqual(order)
      expect((await failure(reorderStages(database, 'nope', order))).status).toBe(404)
    })

    it('keeps positions distinct when stages are added and reordered at the same time', async () => {
      const order = ['advocacy', 'retention', 'delivery', 'purchase', 'consideration', 'awareness']
      const results = await Promise.allSettled([
        addStage(database, 'acme', { id: 'one', label: { en: 'One' } }),
        addStage(database, 'acme', { id: 'two', label: { en: 'Two' }, after: 'awareness' }),
        reorderStages(database, 'acme', order),
        addStage(database, 'acme', { id: 'three', label: { en: 'Three' } }),
      ])
      const positions = (await listWorkspaceStages(database, 'acme')).map((s) => s.position)
      const stored = await ids()
      // The reorder fails when an add came first (its list is no longer every stage); nothing else may.
      expect(results.filter((r) => r.status === 'rejected').length).toBeLessThanOrEqual(1)
      expect(positions).toEqual(stored.map((_, index) => index))
      expect(stored).toEqual(expect.arrayContaining(['one', 'two', 'three']))
    })

    it('answers concurrent adds of one id with one stage and one 409', async () => {
      const results = await Promise.allSettled([
        addStage(database, 'acme', { id: 'repair', label: { en: 'Repair' } }),
        addStage(database, 'acme', { id: 'repair', label: { en: 'Repair' } }),
      ])
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      expect((rejected.reason as { status?: number }).status).toBe(409)
      expect((await ids()).filter((id) => id === 'repair')).toHaveLength(1)
    })
  })
}
