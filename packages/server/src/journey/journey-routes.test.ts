import { createHost, defaultStageModel } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { type RunningServer, startServer } from '../start-server.js'

interface Problem {
  status: number
  detail: string
  errors?: { field: string }[]
}

for (const dialect of testDialects()) {
  describe(`stage and touchpoint routes on ${dialect.name}, over a socket`, () => {
    let database: CxDatabase
    let server: RunningServer
    beforeAll(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' }, defaultStageModel)
      await createWorkspace(database, { id: 'beta', name: 'Beta', locale: 'nl' }, defaultStageModel)
      // Rows that name a touchpoint without a foreign key, as survey responses do.
      await database.db.schema
        .createTable('test_answers')
        .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('touchpoint_id', 'varchar(64)')
        .execute()
      server = await startServer(createServer({ plugins: createHost([]), db: database }), { port: 0 })
    })
    afterAll(async () => {
      await server.close()
      await database.close()
    })

    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: text ? JSON.parse(text) : null,
      }
    }
    const fields = (body: Problem) => (body.errors ?? []).map((problem) => problem.field)
    const touchpoints = async (workspace = 'acme') =>
      (await send('GET', `/api/touchpoints?workspace=${workspace}`)).body.touchpoints as {
        id: string
        stageId: string
      }[]
    const stageIds = async (workspace = 'acme') =>
      ((await send('GET', `/api/stages?workspace=${workspace}`)).body.stages as { id: string }[]).map((s) => s.id)

    it('adds touchpoints (201, name from the id) and lists them by stage position, then name', async () => {
      const added = await send('POST', '/api/touchpoints?workspace=acme', {
        id: 'web-checkout',
        stageId: 'purchase',
        channel: 'website',
        ownerTeam: 'E-commerce',
      })
      expect(added.status).toBe(201)
      expect(added.body).toEqual({
        id: 'web-checkout',
        name: 'Web checkout',
        stageId: 'purchase',
        channel: 'website',
        ownerTeam: 'E-commerce',
        description: null,
        kind: null,
      })
      for (const body of [
        { id: 'parcel', name: 'Parcel', stageId: 'delivery', channel: 'delivery', description: 'At the door' },
        { id: 'ads', name: 'Social ads', stageId: 'awareness', channel: 'social' },
        { id: 'counter', name: 'Counter', stageId: 'purchase', channel: 'shop' },
      ]) {
        expect((await send('POST', '/api/touchpoints?workspace=acme', body)).status).toBe(201)
      }
      const listed = await send('GET', '/api/touchpoints?workspace=acme')
      expect(listed.status).toBe(200)
      expect(listed.body.touchpoints.map((t: { id: string }) => t.id)).toEqual([
        'ads',
        'counter',
        'web-checkout',
        'parcel',
      ])
      expect(listed.body.touchpoints[3]).toMatchObject({ channel: 'delivery', description: 'At the door' })
      expect(await touchpoints('beta')).toEqual([])
      // The workspace route shows the same touchpoints, with the new fields.
      const legacy = await send('GET', '/api/workspaces/acme/touchpoints')
      expect(legacy.body[0]).toMatchObject({ id: 'ads', ownerTeam: null, description: null })
    })

    it.each([
      ['body.id', 'taken', 409, { id: 'ads', stageId: 'awareness', channel: 'social' }],
      ['body.stageId', 'not a stage of the workspace', 400, { id: 'x', stageId: 'nope', channel: 'email' }],
      ['body.channel', 'a collection method', 400, { id: 'x', stageId: 'purchase', channel: 'widget' }],
      ['body.id', 'not a slug', 400, { id: 'Web Checkout', stageId: 'purchase', channel: 'email' }],
      ['body.id', 'too long', 400, { id: 'x'.repeat(65), stageId: 'purchase', channel: 'email' }],
      ['body.name', 'with NUL', 400, { id: 'x', name: 'A\u0000B', stageId: 'purchase', channel: 'email' }],
      ['body.name', 'too long', 400, { id: 'x', name: 'n'.repeat(201), stageId: 'purchase', channel: 'email' }],
      [
        'body.ownerTeam',
        'too long',
        400,
        { id: 'x', ownerTeam: 'o'.repeat(201), stageId: 'purchase', channel: 'email' },
      ],
      [
        'body.description',
        'too long',
        400,
        { id: 'x', description: 'd'.repeat(2001), stageId: 'purchase', channel: 'email' },
      ],
    ])('refuses a touchpoint whose %s is %s, storing nothing', async (field, _why, status, body) => {
      const before = await touchpoints()
      const response = await send('POST', '/api/touchpoints?workspace=acme', body)
      expect(response.status).toBe(status)
      expect(response.type).toContain('application/problem+json')
      expect(fields(response.body)).toEqual([field])
      expect(await touchpoints()).toEqual(before)
    })

    it('refuses fields the API does not take, naming them', async () => {
      const response = await send('POST', '/api/touchpoints?workspace=acme', {
        id: 'x',
        stageId: 'purchase',
        channel: 'email',
        kind: 'web',
      })
      expect(response.status).toBe(400)
      expect(response.body.detail).toContain('kind')
      expect((await touchpoints()).map((t) => t.id)).not.toContain('x')
    })

    it('answers 404 for an unknown workspace, stage or touchpoint, and 400 without a workspace', async () => {
      expect((await send('GET', '/api/touchpoints?workspace=nope')).status).toBe(404)
      expect((await send('GET', '/api/stages?workspace=nope')).status).toBe(404)
      const post = await send('POST', '/api/touchpoints?workspace=nope', {
        id: 'x',
        stageId: 'purchase',
        channel: 'email',
      })
      expect(post.status).toBe(404)
      expect((await send('PATCH', '/api/touchpoints/nope?workspace=acme', { name: 'X' })).status).toBe(404)
      expect((await send('DELETE', '/api/touchpoints/nope?workspace=acme')).status).toBe(404)
      expect((await send('PATCH', '/api/stages/nope?workspace=acme', { label: { en: 'X' } })).status).toBe(404)
      const missing = await send('GET', '/api/touchpoints')
      expect(missing.status).toBe(400)
      expect(fields(missing.body)).toEqual(['query.workspace'])
    })

    it('changes a touchpoint, null clearing its owner team; a bad change is refused whole', async () => {
      const changed = await send('PATCH', '/api/touchpoints/web-checkout?workspace=acme', {
        stageId: 'delivery',
        channel: 'email',
        ownerTeam: null,
        description: 'Order confirmation',
      })
      expect(changed.status).toBe(200)
      expect(changed.body).toMatchObject({
        stageId: 'delivery',
        channel: 'email',
        ownerTeam: null,
        description: 'Order confirmation',
      })
      const bad = await send('PATCH', '/api/touchpoints/web-checkout?workspace=acme', { name: 'New', stageId: 'nope' })
      expect(bad.status).toBe(400)
      expect(fields(bad.body)).toEqual(['body.stageId'])
      const nul = await send('PATCH', '/api/touchpoints/web-checkout?workspace=acme', { description: 'x\u0000' })
      expect(fields(nul.body)).toEqual(['body.description'])
      expect((await touchpoints()).find((t) => t.id === 'web-checkout')).toMatchObject({ name: 'Web checkout' })
    })

    it('removes a touchpoint (204) unless rows reference it (409 naming them)', async () => {
      await sql`insert into test_answers (workspace_id, touchpoint_id) values ('acme', 'counter')`.execute(database.db)
      // What the dashboard reads before it asks to confirm: one row in test_answers, none for ads.
      expect((await send('GET', '/api/touchpoints/counter/references?workspace=acme')).body).toEqual({
        references: [{ table: 'test_answers', rows: 1 }],
      })
      expect((await send('GET', '/api/touchpoints/ads/references?workspace=acme')).body).toEqual({ references: [] })
      expect((await send('GET', '/api/touchpoints/nope/references?workspace=acme')).status).toBe(404)
      const refused = await send('DELETE', '/api/touchpoints/counter?workspace=acme')
      expect(refused.status).toBe(409)
      expect(refused.body.detail).toContain("touchpoint 'counter' is still referenced: 1 row in test_answers")
      expect((await send('DELETE', '/api/touchpoints/ads?workspace=acme')).status).toBe(204)
      expect((await touchpoints()).map((t) => t.id)).toEqual(['counter', 'parcel', 'web-checkout'])
    })

    it('lists, adds, renames and reorders stages', async () => {
      const listed = await send('GET', '/api/stages?workspace=acme')
      expect(listed.body.stages.slice(0, 3)).toEqual([
        { id: 'awareness', label: { en: 'Awareness', nl: 'Bewustwording' }, position: 0, touchpointCount: 0 },
        { id: 'consideration', label: { en: 'Consideration', nl: 'Overweging' }, position: 1, touchpointCount: 0 },
        { id: 'purchase', label: { en: 'Purchase', nl: 'Aankoop' }, position: 2, touchpointCount: 1 },
      ])
      const added = await send('POST', '/api/stages?workspace=acme', {
        id: 'repair',
        label: { en: 'Repair', nl: 'Reparatie' },
        after: 'delivery',
      })
      expect(added.status).toBe(201)
      expect(added.body).toEqual({
        id: 'repair',
        label: { en: 'Repair', nl: 'Reparatie' },
        position: 4,
        touchpointCount: 0,
      })
      const atEnd = await send('POST', '/api/stages?workspace=acme', { id: 'referral', label: { en: 'Referral' } })
      expect(atEnd.body.position).toBe(7)
      expect((await send('POST', '/api/stages?workspace=acme', { id: 'repair', label: { en: 'Again' } })).status).toBe(
        409,
      )
      const badAfter = await send('POST', '/api/stages?workspace=acme', { id: 'x', label: { en: 'X' }, after: 'nope' })
      expect(fields(badAfter.body)).toEqual(['body.after'])
      const longLabel = await send('POST', '/api/stages?workspace=acme', { id: 'x', label: { en: 'l'.repeat(101) } })
      expect(fields(longLabel.body)).toEqual(['body.label.en'])

      const renamed = await send('PATCH', '/api/stages/purchase?workspace=acme', { label: { en: 'Order' } })
      expect(renamed.status).toBe(200)
      expect(renamed.body.label).toEqual({ en: 'Order', nl: 'Aankoop' })
      const empty = await send('PATCH', '/api/stages/purchase?workspace=acme', { label: {} })
      expect(empty.status).toBe(400)
      expect(fields(empty.body)).toEqual(['body.label'])

      const order = [...(await stageIds())].reverse()
      const reordered = await send('PUT', '/api/stages/order?workspace=acme', { ids: order })
      expect(reordered.status).toBe(200)
      expect(reordered.body.stages.map((s: { id: string; position: number }) => [s.id, s.position])).toEqual(
        order.map((id, index) => [id, index]),
      )
      const partial = await send('PUT', '/api/stages/order?workspace=acme', { ids: order.slice(1) })
      expect(partial.status).toBe(400)
      expect(fields(partial.body)).toEqual(['body.ids'])
      expect(await stageIds()).toEqual(order)
      expect(await stageIds('beta')).toEqual(defaultStageModel.stages.map((s) => s.id))
    })

    it('removes a stage: 409 with its touchpoint count, then with moveTo in one go', async () => {
      const refused = await send('DELETE', '/api/stages/delivery?workspace=acme')
      expect(refused.status).toBe(409)
      expect(refused.body.detail).toContain("stage 'delivery' still has 2 touchpoints")
      const badMove = await send('DELETE', '/api/stages/delivery?workspace=acme&moveTo=nope')
      expect(badMove.status).toBe(400)
      expect(fields(badMove.body)).toEqual(['query.moveTo'])
      expect((await send('DELETE', '/api/stages/delivery?workspace=acme&moveTo=repair')).status).toBe(204)
      expect(await stageIds()).not.toContain('delivery')
      expect(
        (await touchpoints())
          .filter((t) => t.stageId === 'repair')
          .map((t) => t.id)
          .sort(),
      ).toEqual(['parcel', 'web-checkout'])
      expect((await send('DELETE', '/api/stages/consideration?workspace=acme')).status).toBe(204)
    })

    it('answers concurrent adds of one touchpoint id with one 201 and 409s', async () => {
      const body = { id: 'chat', stageId: 'retention', channel: 'chatbot' }
      const statuses = await Promise.all([1, 2, 3].map(() => send('POST', '/api/touchpoints?workspace=beta', body)))
      expect(statuses.map((r) => r.status).sort()).toEqual([201, 409, 409])
      expect((await touchpoints('beta')).map((t) => t.id)).toEqual(['chat'])
    })

    it('documents the routes in the OpenAPI document', async () => {
      const doc = (await send('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
      expect(Object.keys(doc.paths['/api/touchpoints'] ?? {}).sort()).toEqual(['get', 'post'])
      expect(Object.keys(doc.paths['/api/touchpoints/{id}'] ?? {}).sort()).toEqual(['delete', 'patch'])
      expect(Object.keys(doc.paths['/api/touchpoints/{id}/references'] ?? {})).toEqual(['get'])
      expect(Object.keys(doc.paths['/api/stages'] ?? {}).sort()).toEqual(['get', 'post'])
      expect(Object.keys(doc.paths['/api/stages/{id}'] ?? {}).sort()).toEqual(['delete', 'patch'])
      expect(Object.keys(doc.paths['/api/stages/order'] ?? {})).toEqual(['put'])
    })
  })
}
