import { contribute, createHost, defineStage, defineStageModel, definePlugin, stageModelsPoint } from '@cxkit/core'
import { type CxDatabase, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'

const retailPlugin = definePlugin({
  id: 'retail',
  version: '1.0.0',
  contributes: [
    contribute(
      stageModelsPoint,
      defineStageModel({
        id: 'retail',
        stages: [
          defineStage({ id: 'visit', order: 1, label: { en: 'Visit', nl: 'Bezoek' } }),
          defineStage({ id: 'buy', order: 2, label: { en: 'Buy', nl: 'Koop' } }),
        ],
      }),
    ),
  ],
})

for (const dialect of testDialects()) {
  describe(`workspace routes on ${dialect.name}`, () => {
    let database: CxDatabase
    let app: ReturnType<typeof createServer>
    beforeEach(async () => {
      database = await dialect.open()
      const host = createHost([retailPlugin()])
      await migrate(database, host)
      app = createServer({ plugins: host, db: database })
    })
    afterEach(async () => {
      await database.close()
    })

    const send = (method: string, path: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const fieldsOf = async (response: Response) =>
      ((await response.json()) as { errors: { field: string }[] }).errors.map((problem) => problem.field)

    it("lists core's stage models and those plugins contribute, with both languages", async () => {
      const response = await app.request('/api/stage-models')
      expect(response.status).toBe(200)
      const models = (await response.json()) as { id: string; stages: { id: string; label: object }[] }[]
      expect(models.map((model) => model.id)).toEqual(['default', 'subscription', 'retail'])
      expect(models[1]?.stages[0]).toEqual({ id: 'trial', label: { en: 'Trial', nl: 'Proefperiode' } })
    })

    it('creates a workspace with the chosen stage model, lists it, and answers 409 for its id again', async () => {
      const created = await send('POST', '/api/workspaces', { id: 'acme', name: 'Acme', stageModel: 'retail' })
      expect(created.status).toBe(201)
      expect(await created.json()).toMatchObject({ id: 'acme', name: 'Acme', locale: 'en' })
      const stages = (await (await app.request('/api/workspaces/acme/stages')).json()) as { id: string }[]
      expect(stages.map((stage) => stage.id)).toEqual(['visit', 'buy'])
      const defaulted = await send('POST', '/api/workspaces', { id: 'beta', name: 'Beta', locale: 'nl' })
      expect(defaulted.status).toBe(201)
      const betaStages = (await (await app.request('/api/workspaces/beta/stages')).json()) as { id: string }[]
      expect(betaStages).toHaveLength(6)
      const listed = (await (await app.request('/api/workspaces')).json()) as { id: string; locale: string }[]
      expect(listed.map((w) => [w.id, w.locale])).toEqual([
        ['acme', 'en'],
        ['beta', 'nl'],
      ])

      const again = await send('POST', '/api/workspaces', { id: 'acme', name: 'Acme again' })
      expect(again.status).toBe(409)
      expect(again.headers.get('content-type')).toContain('application/problem+json')
      expect(await fieldsOf(again)).toEqual(['body.id'])
    })

    it.each([
      ['body.id', 'not a slug', { id: 'Not A Slug', name: 'X' }],
      ['body.name', 'empty', { id: 'ok', name: '' }],
      ['body.name', 'with NUL', { id: 'ok', name: 'X\u0000' }],
      ['body.name', 'too long', { id: 'ok', name: 'x'.repeat(1000) }],
      ['body.locale', 'unknown', { id: 'ok', name: 'X', locale: 'fr' }],
      ['body.stageModel', 'unknown', { id: 'ok', name: 'X', stageModel: 'nope' }],
    ])('answers 400 naming %s when it is %s', async (field, _why, body) => {
      const response = await send('POST', '/api/workspaces', body)
      expect(response.status).toBe(400)
      expect(await fieldsOf(response)).toEqual([field])
      expect(await (await app.request('/api/workspaces')).json()).toEqual([])
    })

    it('renames a workspace and changes its language; bad input and unknown ids are refused', async () => {
      await send('POST', '/api/workspaces', { id: 'acme', name: 'Acme' })
      const renamed = await send('PATCH', '/api/workspaces/acme', { name: 'Acme Europe', locale: 'nl' })
      expect(renamed.status).toBe(200)
      expect(await renamed.json()).toMatchObject({ id: 'acme', name: 'Acme Europe', locale: 'nl' })
      const bad = await send('PATCH', '/api/workspaces/acme', { name: '' })
      expect(bad.status).toBe(400)
      expect(await fieldsOf(bad)).toEqual(['body.name'])
      expect((await send('PATCH', '/api/workspaces/nope', { name: 'X' })).status).toBe(404)
    })

    it('deletes a workspace with its stages; a second delete is a 404', async () => {
      await send('POST', '/api/workspaces', { id: 'acme', name: 'Acme' })
      await send('POST', '/api/workspaces', { id: 'keep', name: 'Keep' })
      // Irreversible, so the id is said twice: without it, or with another, nothing goes.
      for (const path of ['/api/workspaces/acme', '/api/workspaces/acme?confirm=keep']) {
        const refused = await send('DELETE', path)
        expect(refused.status).toBe(400)
        expect(await fieldsOf(refused)).toEqual(['query.confirm'])
      }
      expect((await app.request('/api/workspaces/acme/stages')).status).toBe(200)
      const deleted = await send('DELETE', '/api/workspaces/acme?confirm=acme')
      expect(deleted.status).toBe(204)
      expect((await app.request('/api/workspaces/acme/stages')).status).toBe(404)
      expect(await database.db.selectFrom('stages').select('workspace_id').distinct().execute()).toEqual([
        { workspace_id: 'keep' },
      ])
      expect((await send('DELETE', '/api/workspaces/acme?confirm=acme')).status).toBe(404)
    })
  })
}
