import { defaultStageModel } from '@cxkit/core'
import { insertStages, insertTouchpoints } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'

interface Entry {
  id: string
  at: string
  kind: string
  plugin: string
  title: { en: string; nl: string }
  facts: { label: { en: string }; value: string | { en: string; nl: string } }[]
}
interface Page {
  items: Entry[]
  nextBefore: string | null
}

for (const dialect of testDialects()) {
  describe(`journey events on the customer timeline, on ${dialect.name}`, () => {
    let test: TestApp
    let anna: string
    const timeline = (customer: string, query = '') =>
      test.json<Page>(`/api/workspaces/${test.workspace}/customers/${customer}/timeline${query}`)

    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const [annaId] = await test.addCustomers([{ externalId: 'anna' }, { externalId: 'bram' }])
      anna = annaId!
      await insertStages(test.database, test.workspace, defaultStageModel)
      await insertTouchpoints(test.database, test.workspace, [
        { id: 'website', name: 'Website', stageId: 'consideration', channel: 'website' },
        { id: 'shop', name: 'Shop counter', stageId: 'purchase', channel: 'on-site' },
      ])
      await test.json(`/api/journey/events/batch?workspace=${test.workspace}`, {
        method: 'POST',
        body: {
          events: [
            { customer: 'anna', touchpoint: 'website', occurredAt: '2026-03-01T10:00:00Z', session: 'web-1' },
            { customer: 'anna', touchpoint: 'shop', occurredAt: '2026-03-03T15:00:00Z' },
            { customer: 'anna', touchpoint: 'website', occurredAt: '2026-03-02T09:30:00Z', session: 'web-2' },
            { customer: 'bram', touchpoint: 'shop', occurredAt: '2026-03-04T12:00:00Z' },
          ],
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    it('shows each of the customer’s events, newest first, as “met <touchpoint> (<stage>)” in en and nl', async () => {
      const page = await timeline(anna)
      expect(page.items.map((item) => [item.at, item.kind, item.plugin, item.title])).toEqual([
        [
          '2026-03-03T15:00:00.000Z',
          'journey-event',
          'journey',
          { en: 'Met Shop counter (Purchase)', nl: 'Contact via Shop counter (Aankoop)' },
        ],
        [
          '2026-03-02T09:30:00.000Z',
          'journey-event',
          'journey',
          { en: 'Met Website (Consideration)', nl: 'Contact via Website (Overweging)' },
        ],
        [
          '2026-03-01T10:00:00.000Z',
          'journey-event',
          'journey',
          { en: 'Met Website (Consideration)', nl: 'Contact via Website (Overweging)' },
        ],
      ])
      expect(page.items[1]!.facts.map((fact) => [fact.label.en, fact.value])).toEqual([
        ['Channel', { en: 'Website', nl: 'Website' }],
        ['Session', 'web-2'],
      ])
      expect(page.items[0]!.facts.map((fact) => [fact.label.en, fact.value])).toEqual([
        ['Channel', { en: 'On site', nl: 'Op locatie' }],
      ])
    })

    it('pages with `before`', async () => {
      const first = await timeline(anna, '?limit=2')
      expect(first.items).toHaveLength(2)
      expect(first.nextBefore).toBe('2026-03-02T09:30:00.000Z')
      const rest = await timeline(anna, `?limit=2&before=${encodeURIComponent(first.nextBefore!)}`)
      expect(rest.items.map((item) => item.at)).toEqual(['2026-03-01T10:00:00.000Z'])
    })
  })
}
