import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'
import type { MapContentInput, MapExport, MapSummary, MapView } from '../schema.js'

const base = '/api/journey/maps'
const touchpoints = [
  { id: 'web-shop', name: 'Web shop', stage_id: 'purchase', channel: 'website', owner_team: 'E-commerce' },
  { id: 'checkout-call', name: 'Order line', stage_id: 'purchase', channel: 'call-centre', owner_team: null },
  { id: 'parcel', name: 'Parcel delivery', stage_id: 'delivery', channel: 'post', owner_team: 'Logistics' },
]
const content: MapContentInput = {
  stages: [
    { stageId: 'awareness', actions: ['Sees an ad'], emotion: 1 },
    {
      stageId: 'purchase',
      actions: ['Compares plans', 'Pays'],
      questions: ['Can I cancel?'],
      painPoints: ['Checkout asks for an account'],
      emotion: -1,
      touchpointOrder: ['web-shop', 'checkout-call'],
    },
  ],
}

for (const dialect of testDialects()) {
  describe(`journey maps on ${dialect.name}`, () => {
    let test: TestApp
    const q = (workspace = 'acme') => `workspace=${workspace}`
    const send = (path: string, method: string, body?: unknown) =>
      test.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const problemOf = async (response: Response) => {
      const problem = (await response.json()) as {
        errors?: { field: string }[]
        currentVersion?: number
        detail: string
      }
      return { status: response.status, fields: problem.errors?.map((e) => e.field), ...problem }
    }
    const view = (id: string, extra = '') => test.json<MapView>(`${base}/${id}?${q()}${extra}`)
    const versionCount = async (id: string) =>
      (await test.json<{ versions: unknown[] }>(`${base}/${id}/versions?${q()}`)).versions.length

    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      for (const id of ['acme', 'other'])
        await test.json('/api/workspaces', { method: 'POST', body: { id, name: id, stageModel: 'default' } })
      await test.database.db
        .insertInto('touchpoints')
        .values(touchpoints.map((tp) => ({ ...tp, workspace_id: 'acme', kind: null, description: null })))
        .execute()
    })
    afterAll(async () => {
      await test.close()
    })

    it('creates a map as version 1 and shows it on the workspace’s stages and touchpoints', async () => {
      const created = await send(`${base}?${q()}`, 'POST', { id: 'starter', name: 'Starter', persona: 'New customer' })
      expect(created.status).toBe(201)
      expect(((await created.json()) as { map: MapSummary }).map).toMatchObject({ id: 'starter', version: 1 })
      const shown = await view('starter')
      expect(shown.version).toBe(1)
      expect(shown.content).toEqual({ stages: [] })
      expect(shown.stages.map((stage) => stage.id)).toEqual([
        'awareness',
        'consideration',
        'purchase',
        'delivery',
        'retention',
        'advocacy',
      ])
      expect(shown.touchpoints.find((tp) => tp.id === 'parcel')).toMatchObject({
        stageId: 'delivery',
        channel: 'post',
        ownerTeam: 'Logistics',
      })
      const { maps } = await test.json<{ maps: MapSummary[] }>(`${base}?${q()}`)
      expect(maps.map((map) => [map.id, map.persona])).toEqual([['starter', 'New customer']])
      // Another workspace sees none of it.
      expect((await test.json<{ maps: MapSummary[] }>(`${base}?${q('other')}`)).maps).toEqual([])
      expect((await test.request(`${base}/starter?${q('other')}`)).status).toBe(404)
    })

    it('saves each edit as a new version and keeps the old ones readable', async () => {
      const saved = await send(`${base}/starter/versions?${q()}`, 'POST', { baseVersion: 1, content, author: 'Ann' })
      expect(saved.status).toBe(201)
      expect(((await saved.json()) as { map: MapSummary }).map.version).toBe(2)
      const current = await view('starter')
      expect(current).toMatchObject({ version: 2, author: 'Ann' })
      const purchase = current.content.stages.find((stage) => stage.stageId === 'purchase')
      expect(purchase).toEqual({ ...content.stages[1], motivations: [] })
      expect((await view('starter', '&version=1')).content).toEqual({ stages: [] })
      const { versions } = await test.json<{ versions: { version: number; author: string | null }[] }>(
        `${base}/starter/versions?${q()}`,
      )
      expect(versions.map((v) => [v.version, v.author])).toEqual([
        [2, 'Ann'],
        [1, null],
      ])
      expect((await test.request(`${base}/starter?${q()}&version=9`)).status).toBe(404)
    })

    it('refuses a save based on an old version with 409 and the current version, storing nothing', async () => {
      const before = await versionCount('starter')
      const stale = await problemOf(await send(`${base}/starter/versions?${q()}`, 'POST', { baseVersion: 1, content }))
      expect(stale).toMatchObject({ status: 409, currentVersion: 2 })
      expect(stale.detail).toContain('version 2')
      expect(await versionCount('starter')).toBe(before)
    })

    it('lets exactly one of two saves from the same version win', async () => {
      const { version } = (await view('starter')).map
      const answers = await Promise.all(
        ['Bo', 'Cy'].map((author) =>
          send(`${base}/starter/versions?${q()}`, 'POST', { baseVersion: version, content, author }),
        ),
      )
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
      expect((await view('starter')).version).toBe(version + 1)
    })

    it('names the offending field of bad content and stores nothing', async () => {
      const { version } = (await view('starter')).map
      const before = await versionCount('starter')
      const save = (body: unknown) => send(`${base}/starter/versions?${q()}`, 'POST', body).then(problemOf)
      const stages = [{ stageId: 'awareness' }, { stageId: 'purchase' }, { stageId: 'delivery', emotion: 3 }]
      expect(await save({ baseVersion: version, content: { stages } })).toMatchObject({
        status: 400,
        fields: ['body.content.stages[2].emotion'],
      })
      const half = { baseVersion: version, content: { stages: [{ stageId: 'delivery', emotion: 0.5 }] } }
      expect((await save(half)).fields).toEqual(['body.content.stages[0].emotion'])
      const unknown = { baseVersion: version, content: { stages: [{ stageId: 'awareness' }, { stageId: 'moon' }] } }
      expect(await save(unknown)).toMatchObject({ status: 400, fields: ['body.content.stages[1].stageId'] })
      const twice = { baseVersion: version, content: { stages: [{ stageId: 'retention' }, { stageId: 'retention' }] } }
      expect((await save(twice)).fields).toEqual(['body.content.stages[1].stageId'])
      const nul = { baseVersion: version, content: { stages: [{ stageId: 'retention', actions: ['a\u0000b'] }] } }
      expect((await save(nul)).fields).toEqual(['body.content.stages[0].actions[0]'])
      const long = {
        baseVersion: version,
        content: { stages: [{ stageId: 'retention', questions: ['x'.repeat(501)] }] },
      }
      expect((await save(long)).fields).toEqual(['body.content.stages[0].questions[0]'])
      const many = {
        baseVersion: version,
        content: { stages: [{ stageId: 'retention', painPoints: Array(51).fill('p') }] },
      }
      expect((await save(many)).fields).toEqual(['body.content.stages[0].painPoints'])
      expect((await save({ content: { stages: [] } })).fields).toEqual(['body.baseVersion'])
      // A JSON body says what it means: a text or a boolean is not a version number.
      for (const baseVersion of [String(version), true])
        expect((await save({ baseVersion, content: { stages: [] } })).fields).toEqual(['body.baseVersion'])
      expect(await versionCount('starter')).toBe(before)
    })

    it('keeps only touchpoints of the stage in a stage’s touchpoint order', async () => {
      const { version } = (await view('starter')).map
      const stages = [{ stageId: 'delivery', touchpointOrder: ['web-shop', 'gone', 'parcel'] }]
      await test.json(`${base}/starter/versions?${q()}`, {
        method: 'POST',
        body: { baseVersion: version, content: { stages } },
      })
      expect((await view('starter')).content.stages[0]!.touchpointOrder).toEqual(['parcel'])
    })

    it('refuses a taken id, a bad id and an over-long name', async () => {
      expect((await send(`${base}?${q()}`, 'POST', { id: 'starter', name: 'Again' })).status).toBe(409)
      expect((await problemOf(await send(`${base}?${q()}`, 'POST', { id: 'Not A Slug', name: 'x' }))).fields).toEqual([
        'body.id',
      ])
      const longName = await problemOf(await send(`${base}?${q()}`, 'POST', { id: 'long', name: 'n'.repeat(201) }))
      expect(longName.fields).toEqual(['body.name'])
      expect((await send(`${base}?${q('nowhere')}`, 'POST', { id: 'x', name: 'x' })).status).toBe(404)
    })

    it('renames a map and changes its persona without a new version, and deletes it with its versions', async () => {
      await test.json(`${base}?${q()}`, { method: 'POST', body: { id: 'scratch', name: 'Scratch' } })
      const renamed = await test.json<{ map: MapSummary }>(`${base}/scratch?${q()}`, {
        method: 'PATCH',
        body: { name: 'Loyal customers', persona: null, segment: 'enterprise' },
      })
      expect(renamed.map).toMatchObject({ name: 'Loyal customers', persona: null, segment: 'enterprise', version: 1 })
      expect((await send(`${base}/scratch?${q()}`, 'DELETE')).status).toBe(204)
      expect((await test.request(`${base}/scratch?${q()}`)).status).toBe(404)
      expect((await send(`${base}/scratch?${q()}`, 'DELETE')).status).toBe(404)
      const left = await test.database.db
        .withTables<{ journey_map_versions: { map_id: string } }>()
        .selectFrom('journey_map_versions')
        .select('map_id')
        .where('map_id', '=', 'scratch')
        .execute()
      expect(left).toEqual([])
    })

    it('exports a version as JSON and imports it: a new map elsewhere, the next version here', async () => {
      const exported = await test.request(`${base}/starter/export?${q()}&version=2`)
      expect(exported.headers.get('content-disposition')).toBe('attachment; filename="starter-v2.journey.json"')
      const document = (await exported.json()) as MapExport
      expect(document).toMatchObject({ format: 'cxkit.journey-map', version: 1, map: { id: 'starter', version: 2 } })

      // The other workspace has the default stages too, not the touchpoints: their order is dropped.
      const elsewhere = await send(`${base}/import?${q('other')}`, 'POST', document)
      expect(elsewhere.status).toBe(201)
      const imported = await test.json<MapView>(`${base}/starter?${q('other')}`)
      expect(imported.version).toBe(1)
      expect(imported.content.stages.find((s) => s.stageId === 'purchase')).toMatchObject({
        painPoints: ['Checkout asks for an account'],
        emotion: -1,
        touchpointOrder: [],
      })

      const { version } = (await view('starter')).map
      const renamed = { ...document, map: { ...document.map, name: 'Starter (workshop)' } }
      const here = await send(`${base}/import?${q()}`, 'POST', renamed)
      expect(here.status).toBe(200)
      expect(((await here.json()) as { map: MapSummary }).map).toMatchObject({
        name: 'Starter (workshop)',
        version: version + 1,
      })
      expect((await view('starter')).content).toEqual((await view('starter', '&version=2')).content)
    })

    it('refuses an import that is not a journey map or does not fit the workspace, naming the field', async () => {
      const document = await test.json<MapExport>(`${base}/starter/export?${q()}`)
      const { maps } = await test.json<{ maps: MapSummary[] }>(`${base}?${q()}`)
      const importing = (body: unknown) => send(`${base}/import?${q()}`, 'POST', body).then(problemOf)
      expect((await importing({ ...document, format: 'other' })).fields).toEqual(['body.format'])
      const stages = [{ stageId: 'awareness' }, { stageId: 'purchase' }, { stageId: 'delivery', emotion: -3 }]
      const badEmotion = await importing({ ...document, map: { id: 'fresh', name: 'Fresh' }, content: { stages } })
      expect(badEmotion).toMatchObject({ status: 400, fields: ['body.content.stages[2].emotion'] })
      const foreign = { ...document, map: { id: 'fresh', name: 'Fresh' }, content: { stages: [{ stageId: 'trial' }] } }
      expect((await importing(foreign)).fields).toEqual(['body.content.stages[0].stageId'])
      expect((await test.json<{ maps: MapSummary[] }>(`${base}?${q()}`)).maps).toEqual(maps)
    })

    it('refuses a body over 1 MiB before reading it, and documents every route in the OpenAPI document', async () => {
      const huge = { baseVersion: 1, content: { stages: [{ stageId: 'awareness', actions: ['x'.repeat(1_100_000)] }] } }
      expect((await send(`${base}/starter/versions?${q()}`, 'POST', huge)).status).toBe(413)
      const document = (await test.json<{ paths: Record<string, object> }>('/api/openapi.json')).paths
      expect(Object.keys(document)).toEqual(
        expect.arrayContaining([
          '/api/journey/maps',
          '/api/journey/maps/{id}',
          '/api/journey/maps/{id}/versions',
          '/api/journey/maps/{id}/export',
          '/api/journey/maps/import',
        ]),
      )
      expect(Object.keys(document['/api/journey/maps/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch'])
    })

    it('goes with its workspace when the workspace is deleted', async () => {
      expect((await test.json<{ maps: MapSummary[] }>(`${base}?${q('other')}`)).maps.length).toBeGreaterThan(0)
      expect((await send('/api/workspaces/other?confirm=other', 'DELETE')).status).toBe(204)
      const left = await test.database.db
        .withTables<{ journey_map_versions: { workspace_id: string } }>()
        .selectFrom('journey_map_versions')
        .select('workspace_id')
        .where('workspace_id', '=', 'other')
        .execute()
      expect(left).toEqual([])
    })
  })
}
