import { cesPlugin } from '@cxkit/plugin-ces'
import { csatPlugin } from '@cxkit/plugin-csat'
import { npsPlugin } from '@cxkit/plugin-nps'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPluginContext } from '@cxkit/db'
import { churnClvPlugin } from '../index.js'
import type { Contact, RiskPage, RiskRow } from '../schema.js'
import { riskListSlices } from './list-churn-risk.js'
import type { ChurnClvModelTables } from '../tables.js'

const hour = 3_600_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const daysAgo = (days: number) => ago(days * 24 * hour)

/** Customers, and the scores the latest fit gave some of them. */
const customers = [
  { externalId: 'A', name: 'Anna', segment: 'retail', score: { clv: 400, alive: 0.25 } },
  { externalId: 'B', name: 'Bram', segment: 'b2b', score: { clv: 1000, alive: 0.9 } },
  { externalId: 'C', name: 'Cas', segment: 'retail', score: { clv: 50, alive: 0.1 } },
  { externalId: 'D', name: 'Dekker, "Dirk"', segment: 'b2b' },
  { externalId: 'E', name: 'Eva', segment: 'b2b' },
  { externalId: 'F', name: 'Fien', segment: 'b2b', score: { clv: 800, alive: 0.8 } },
  { externalId: 'G', name: 'Gijs', segment: 'b2b', score: { clv: 10, alive: 0.95 } },
  { externalId: 'H', name: 'Hanna', segment: 'b2b' },
  { externalId: 'I', name: 'Ivo', segment: 'b2b' },
]

type Answer = { questionId: string; value: unknown }
const response = (customer: string, submittedAt: string, answers: Answer[]) => ({
  surveyId: 'after-service',
  customerExternalId: customer,
  submittedAt,
  answers,
})

/**
 * The hand-checked case. Value at stake = CLV × (1 − P(alive)): A 400 × 0.75 = 300, B 1000 × 0.1 = 100,
 * C 50 × 0.9 = 45. Signals: A and C have P(alive) below 0.5; B gave NPS 3 with a comment (detractor and
 * complaint); D (unscored) CSAT 2 of 5 with a comment (both survey signals), E (unscored) CES 3 of 7 without
 * one (detractor only). Not on the list: F and G (P(alive) ≥ 0.5, no negative answer; G's NPS 7 is passive),
 * H (NPS 2, 100 days ago: older than 90), I (CSAT 3 and CES 4: neutral). So: A, B, C by value at stake, then
 * the unscored D (2 signals) before E (1).
 */
const responses = [
  response('B', daysAgo(3), [
    { questionId: 'nps', value: 3 },
    { questionId: 'why', value: '=HYPERLINK("http://evil.example","click")' },
  ]),
  response('D', daysAgo(10), [
    { questionId: 'csat', value: 2 },
    { questionId: 'why', value: 'Broken on arrival' },
  ]),
  response('E', daysAgo(5), [{ questionId: 'ces', value: 3 }]),
  response('G', daysAgo(2), [{ questionId: 'nps', value: 7 }]),
  response('H', daysAgo(100), [{ questionId: 'nps', value: 2 }]),
  response('I', daysAgo(4), [
    { questionId: 'csat', value: 3 },
    { questionId: 'ces', value: 4 },
  ]),
]

for (const dialect of testDialects()) {
  describe(`churn-risk list on ${dialect.name}`, () => {
    let test: TestApp
    const path = (rest: string) => `/api/churn-clv${rest}${rest.includes('?') ? '&' : '?'}workspace=${test.workspace}`
    const list = (query = '') => test.json<RiskPage>(path(`/risk${query}`))
    const contact = (body: Record<string, unknown>) =>
      test.request(path('/risk/contacts'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })

    beforeAll(async () => {
      test = await createTestApp({
        plugins: [surveysPlugin(), npsPlugin(), csatPlugin(), cesPlugin(), churnClvPlugin()],
        dialect,
      })
      const ids = await test.addCustomers(
        customers.map(({ externalId, name, segment }) => ({
          externalId,
          name,
          email: `${externalId.toLowerCase()}@example.com`,
          segment,
          attributes: {},
        })),
      )
      const db = test.database.db.withTables<ChurnClvModelTables>()
      await db
        .insertInto('churn_clv_fits')
        .values({
          id: 'fit-1',
          workspace_id: test.workspace,
          model: 'bgnbd',
          unit: 'week',
          until: daysAgo(1).slice(0, 10),
          horizon: 52,
          result: '{}',
          customers: 5,
          repeat_customers: 3,
          created_at: daysAgo(1),
        })
        .execute()
      await db
        .insertInto('churn_clv_scores')
        .values(
          customers.flatMap((customer, index) =>
            customer.score
              ? [
                  {
                    workspace_id: test.workspace,
                    customer_id: ids[index]!,
                    fit_id: 'fit-1',
                    expected_purchases: 2,
                    probability_alive: customer.score.alive,
                    expected_spend: 20,
                    clv: customer.score.clv,
                  },
                ]
              : [],
          ),
        )
        .execute()
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: {
          id: 'after-service',
          name: 'After service',
          kind: 'transactional',
          status: 'active',
          locales: ['en'],
          questions: [
            { id: 'nps', type: 'nps', text: { en: 'Recommend?' }, config: {}, required: false },
            { id: 'csat', type: 'csat', text: { en: 'Satisfied?' }, config: { scale: 5 }, required: false },
            { id: 'ces', type: 'ces', text: { en: 'Easy?' }, config: {}, required: false },
            { id: 'why', type: 'open', text: { en: 'Why?' }, config: {}, required: false },
          ],
        },
      })
      await test.json('/api/surveys/responses', { method: 'POST', body: { workspace: test.workspace, responses } })
    })
    afterAll(async () => {
      await test.close()
    })

    it('ranks by value at stake, the unscored after, with each signal and its evidence', async () => {
      const page = await list()
      expect(page.rows.map((row) => row.customer.externalId)).toEqual(['A', 'B', 'C', 'D', 'E'])
      expect(page.rows.map((row) => row.valueAtStake)).toEqual([300, expect.closeTo(100, 9), 45, null, null])
      expect(page.total).toBe(5)
      expect(page.nextOffset).toBeNull()
      expect(page.fit).toMatchObject({ id: 'fit-1', unit: 'week', horizon: 52, n: 5 })
      expect(page.negativeAnswers).toEqual([
        { questionType: 'nps', maxScore: 6 },
        { questionType: 'csat', maxScore: 2 },
        { questionType: 'ces', maxScore: 3 },
      ])
      const [a, b, , d, e] = page.rows
      expect(a!.signals).toEqual([
        {
          kind: 'low-p-alive',
          probabilityAlive: 0.25,
          threshold: 0.5,
          fitId: 'fit-1',
          fitCreatedAt: page.fit!.createdAt,
        },
      ])
      expect(a!.customer).toMatchObject({ name: 'Anna', email: 'a@example.com', segment: 'retail' })
      const bAnswer = {
        questionType: 'nps',
        score: 3,
        scaleMax: 10,
        comment: '=HYPERLINK("http://evil.example","click")',
      }
      expect(b!.signals).toMatchObject([
        { kind: 'recent-detractor', answers: [bAnswer] },
        { kind: 'unanswered-complaint', answers: [bAnswer] },
      ])
      expect(d!.signals.map((signal) => signal.kind)).toEqual(['recent-detractor', 'unanswered-complaint'])
      expect(e!.signals).toMatchObject([
        { kind: 'recent-detractor', answers: [{ questionType: 'ces', score: 3, scaleMax: 7, comment: null }] },
      ])
    })

    it("shows the customer's CLV scores and churn risk at the top of the customer page", async () => {
      const idOf = async (externalId: string) =>
        (
          await test.database.db
            .selectFrom('customers')
            .select('id')
            .where('external_id', '=', externalId)
            .executeTakeFirstOrThrow()
        ).id
      const summary = async (externalId: string) =>
        (
          await test.json<{ cards: { id: string; plugin: string; value: unknown; tags?: unknown[] }[] }>(
            `/api/workspaces/${test.workspace}/customers/${await idOf(externalId)}/summary`,
          )
        ).cards
      const fitDate = daysAgo(1).slice(0, 10)
      // Dutch money puts a no-break space after the euro sign.
      const a = await summary('A')
      expect(a).toEqual([
        {
          id: 'expected-purchases',
          plugin: 'churn-clv',
          label: { en: 'Expected purchases', nl: 'Verwachte aankopen' },
          value: { en: '2.00', nl: '2,00' },
          detail: { en: `next 52 weeks; CLV fit of ${fitDate}`, nl: `komende 52 weken; CLV-schatting van ${fitDate}` },
          n: 5,
        },
        expect.objectContaining({ id: 'p-alive', value: { en: '0.25', nl: '0,25' }, n: 5 }),
        expect.objectContaining({ id: 'clv', value: { en: '€400.00', nl: '€\u00a0400,00' }, n: 5 }),
        expect.objectContaining({
          id: 'churn-risk',
          value: { en: 'At risk', nl: 'Risico' },
          tags: [{ en: 'Low P(alive)', nl: 'Lage P(actief)' }],
          detail: { en: 'Value at stake €300.00', nl: 'Waarde op het spel €\u00a0300,00' },
        }),
      ])
      const d = await summary('D')
      expect(d.map((card) => [card.id, card.value])).toEqual([
        ['clv', { en: 'No score', nl: 'Geen score' }],
        ['churn-risk', { en: 'At risk', nl: 'Risico' }],
      ])
      expect(d[1]!.tags).toEqual([
        { en: 'Recent detractor', nl: 'Recente criticaster' },
        { en: 'Unanswered complaint', nl: 'Onbeantwoorde klacht' },
      ])
      expect((await summary('F')).at(-1)).toMatchObject({ id: 'churn-risk', value: { en: 'No signals' } })
      const unknown = await test.request(`/api/workspaces/${test.workspace}/customers/nobody/summary`)
      expect(unknown.status).toBe(404)
    })

    it('pages with limit and offset, and filters by signal and segment', async () => {
      const first = await list('?limit=2')
      expect(first.rows.map((row) => [row.rank, row.customer.externalId])).toEqual([
        [1, 'A'],
        [2, 'B'],
      ])
      expect(first.nextOffset).toBe(2)
      const second = await list('?limit=2&offset=2')
      expect(second.rows.map((row) => [row.rank, row.customer.externalId])).toEqual([
        [3, 'C'],
        [4, 'D'],
      ])
      const complaints = await list('?signal=unanswered-complaint')
      expect(complaints.rows.map((row) => row.customer.externalId)).toEqual(['B', 'D'])
      expect(complaints.total).toBe(2)
      const retail = await list('?segment=retail')
      expect(retail.rows.map((row) => row.customer.externalId)).toEqual(['A', 'C'])
    })

    it("follows the workspace's thresholds and the CSAT metric's own cut-off", async () => {
      await test.json(path('/risk/settings'), { method: 'PUT', body: { aliveThreshold: 0.2 } })
      // A's 0.25 is no longer below the threshold; C's 0.1 still is.
      expect((await list()).rows.map((row) => row.customer.externalId)).toEqual(['B', 'C', 'D', 'E'])
      await test.json(path('/risk/settings'), { method: 'PUT', body: { aliveThreshold: 0.5 } })
      // Counting only the top box as satisfied mirrors to only the bottom box as negative: D's 2 is neutral.
      await test.json(`/api/metrics/csat/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        body: { topBoxes: 1 },
      })
      expect((await list()).rows.map((row) => row.customer.externalId)).toEqual(['A', 'B', 'C', 'E'])
      await test.json(`/api/metrics/csat/settings?workspace=${test.workspace}`, { method: 'PUT', body: {} })
      expect((await test.json<{ aliveThreshold: number }>(path('/risk/settings'))).aliveThreshold).toBe(0.5)
    })

    it('exports the list as CSV, formula-like cells escaped, quotes and commas kept', async () => {
      const response = await test.request(path('/risk.csv'))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toContain('attachment; filename="churn-risk-')
      const text = await response.text()
      const [header, ...records] = parse(text) as string[][]
      expect(header!.slice(0, 9)).toEqual([
        'rank',
        'customer',
        'name',
        'email',
        'segment',
        'value_at_stake',
        'clv',
        'p_alive',
        'signals',
      ])
      expect(records.map((record) => record[1])).toEqual(['A', 'B', 'C', 'D', 'E'])
      expect(records[0]!.slice(5, 9)).toEqual(['300', '400', '0.25', 'low-p-alive'])
      expect(records[1]![8]).toBe('recent-detractor unanswered-complaint')
      // The customer's comment starts with '=': a spreadsheet must show it, not run it.
      expect(records[1]![10]).toBe(`'=HYPERLINK("http://evil.example","click")`)
      expect(records[3]![2]).toBe('Dekker, "Dirk"')
      expect(records[3]![5]).toBe('')
      expect(text).not.toMatch(/^=|,=/m)
      const limited = parse(await (await test.request(path('/risk.csv?limit=2'))).text()) as string[][]
      expect(limited).toHaveLength(3)
    })

    it('hands the export over in slices of one ranking: ranks, order and evidence as the pages give them', async () => {
      const ctx = createPluginContext(
        test.database,
        test.host,
        test.host.plugins.find((plugin) => plugin.id === 'churn-clv')!,
      )
      const sliced = async (offset: number, limit: number) => {
        const slices: RiskRow[][] = []
        for await (const slice of riskListSlices(ctx, { workspace: test.workspace, offset, limit }, 2))
          slices.push(slice)
        return slices.map((slice) => slice.map((row) => `${row.rank}:${row.customer.externalId}`))
      }
      expect(await sliced(0, 10_000)).toEqual([['1:A', '2:B'], ['3:C', '4:D'], ['5:E']])
      expect(await sliced(1, 3)).toEqual([['2:B', '3:C'], ['4:D']])
      // Each slice carries its rows' evidence, as a page of the list does.
      const pages = (await list()).rows
      const all: RiskRow[] = []
      for await (const slice of riskListSlices(ctx, { workspace: test.workspace, offset: 0, limit: 10_000 }, 2))
        all.push(...slice)
      expect(all).toEqual(pages)
    })

    it('refuses bad input with a 400 naming the field, and an unknown customer with a 404', async () => {
      for (const [query, field] of [
        ['?limit=0', 'query.limit'],
        ['?limit=501', 'query.limit'],
        ['?offset=-1', 'query.offset'],
        ['?signal=angry', 'query.signal'],
      ] as const) {
        const response = await test.request(path(`/risk${query}`))
        expect(response.status).toBe(400)
        const problem = await response.json()
        expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field)
      }
      const csv = await test.request(path('/risk.csv?limit=10001'))
      expect(csv.status).toBe(400)
      for (const [body, field] of [
        [{ customer: 'B', by: 'Mo', outcome: 'reached', note: 'x'.repeat(2001) }, 'body.note'],
        [{ customer: 'B', by: 'Mo' }, 'body.outcome'],
        [{ customer: 'B', by: '', outcome: 'reached' }, 'body.by'],
        [{ customer: 'B', by: 'Mo', outcome: 'reached', contactedAt: 'yesterday' }, 'body.contactedAt'],
      ] as const) {
        const response = await contact(body)
        expect(response.status).toBe(400)
        const problem = await response.json()
        expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([field])
      }
      const settings = await test.request(path('/risk/settings'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ aliveThreshold: 2 }),
      })
      expect(settings.status).toBe(400)
      expect((await settings.json()).errors[0].field).toBe('body.aliveThreshold')
      const unknown = await contact({ customer: 'nobody', by: 'Mo', outcome: 'reached' })
      expect(unknown.status).toBe(404)
      expect((await test.json<{ contacts: Contact[] }>(path('/risk/contacts?customer=B'))).contacts).toEqual([])
    })

    it('answers a complaint by a contact after it; a new negative answer brings the customer back', async () => {
      const recorded = await contact({
        customer: 'B',
        by: 'Mo',
        outcome: 'reached',
        note: 'Apologised, sent a voucher',
        contactedAt: ago(2 * hour),
      })
      expect(recorded.status).toBe(201)
      const stored = (await recorded.json()) as Contact
      expect(stored).toMatchObject({ customer: 'B', by: 'Mo', outcome: 'reached', note: 'Apologised, sent a voucher' })
      expect((await test.json<{ contacts: Contact[] }>(path('/risk/contacts?customer=B'))).contacts).toEqual([stored])
      // A's P(alive) signal comes from a fit made a day ago: a contact since answers it too.
      expect((await contact({ customer: 'A', by: 'Mo', outcome: 'no-answer' })).status).toBe(201)
      const after = await list()
      expect(after.rows.map((row) => row.customer.externalId)).toEqual(['C', 'D', 'E'])
      expect((await list('?signal=unanswered-complaint')).rows.map((row) => row.customer.externalId)).toEqual(['D'])

      await test.json('/api/surveys/responses', {
        method: 'POST',
        body: { workspace: test.workspace, responses: [response('B', ago(hour), [{ questionId: 'nps', value: 5 }])] },
      })
      const back = await list()
      expect(back.rows.map((row) => row.customer.externalId)).toEqual(['B', 'C', 'D', 'E'])
      // Only the answer after the contact is evidence; without a comment it is no complaint.
      expect(back.rows[0]!.signals).toMatchObject([{ kind: 'recent-detractor', answers: [{ score: 5 }] }])
      expect(back.rows[0]!.signals).toHaveLength(1)
      expect(back.rows[0]!.lastContactAt).toBe(stored.contactedAt)
    })
  })
}
