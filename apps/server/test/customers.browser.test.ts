import { type CxDatabase, openDatabase } from '@cxkit/db'
import type { JourneyTables } from '@cxkit/plugin-journey'
import type { SurveysTables } from '@cxkit/plugin-surveys'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('customers browser test')

interface StoredCustomer {
  id: string
  external_id: string
  name: string | null
  email: string | null
}

/** Byte order, as the list sorts names on both dialects. */
const byNameThenId = (a: StoredCustomer, b: StoredCustomer) => {
  const [x, y] = [a.name ?? '', b.name ?? '']
  if (x !== y) return x < y ? -1 : 1
  return a.id < b.id ? -1 : 1
}

describe.skipIf(!executablePath)('the customer pages in a browser, on the demo data', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
  beforeAll(async () => {
    // The running app's own database file, read beside it: the truth the pages must show.
    database = await openDatabase(app.databaseUrl)
  })
  afterAll(async () => {
    await database?.close()
  })

  async function openCustomers(page: Page) {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${app.url}/#/customers`)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    return errors
  }

  /**
   * A demo customer with a few survey responses and journey events, all on the timeline's first page
   * (50 entries), with those responses as stored and the number of events.
   */
  async function customerWithResponses() {
    const db = database.db.withTables<SurveysTables & JourneyTables>()
    const candidates = await db
      .selectFrom('surveys_responses')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', 'demo')
      .where('customer_id', 'is not', null)
      .groupBy('customer_id')
      .having((eb) => eb.fn.countAll(), '>=', 2)
      .having((eb) => eb.fn.countAll(), '<=', 40)
      .orderBy('n', 'desc')
      .orderBy('customer_id')
      .limit(200)
      .execute()
    const eventCounts = await db
      .selectFrom('journey_events')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', 'demo')
      .where(
        'customer_id',
        'in',
        candidates.map((candidate) => candidate.customer_id!),
      )
      .groupBy('customer_id')
      .execute()
    const eventsOf = new Map(eventCounts.map((row) => [row.customer_id, Number(row.n)]))
    const busiest = candidates.find((candidate) => {
      const events = eventsOf.get(candidate.customer_id!) ?? 0
      return events > 0 && Number(candidate.n) + events <= 50
    })
    if (!busiest) throw new Error('no demo customer with responses and journey events on one timeline page')
    const customer = await db
      .selectFrom('customers')
      .select(['id', 'external_id', 'name', 'email', 'attributes'])
      .where('id', '=', busiest.customer_id!)
      .executeTakeFirstOrThrow()
    const responses = await db
      .selectFrom('surveys_responses as r')
      .innerJoin('surveys_surveys as s', (join) =>
        join.onRef('s.workspace_id', '=', 'r.workspace_id').onRef('s.id', '=', 'r.survey_id'),
      )
      .select(['r.id', 'r.submitted_at', 's.name'])
      .where('r.workspace_id', '=', 'demo')
      .where('r.customer_id', '=', customer.id)
      .orderBy('r.submitted_at', 'desc')
      .execute()
    const answers = await db
      .selectFrom('surveys_answers')
      .select(['response_id', 'question_type', 'score', 'text'])
      .where(
        'response_id',
        'in',
        responses.map((response) => response.id),
      )
      .execute()
    return {
      customer,
      events: eventsOf.get(customer.id)!,
      responses: responses.map((response) => {
        const own = answers.filter((answer) => Number(answer.response_id) === Number(response.id))
        return {
          id: String(response.id),
          survey: response.name,
          scores: own
            .flatMap((answer) => (answer.score === null ? [] : [`${answer.question_type}:${answer.score}`]))
            .sort(),
          comment: own.find((answer) => answer.question_type === 'open')?.text ?? null,
        }
      }),
    }
  }

  it('lists the customers by name, pages on with "Show more", and a search narrows the list to the one customer', async () => {
    const page = await browser.newPage()
    const errors = await openCustomers(page)
    const stored = (
      await database.db
        .selectFrom('customers')
        .select(['id', 'external_id', 'name', 'email'])
        .where('workspace_id', '=', 'demo')
        .execute()
    ).sort(byNameThenId)
    expect(stored.length).toBeGreaterThan(100)

    const rows = page.locator('cx-customers-page tbody tr')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(50)
    const shownIds = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-customer')))
    expect(await shownIds()).toEqual(stored.slice(0, 50).map((customer) => customer.id))
    await page.locator('cx-customers-page .more button').click()
    await expect.poll(() => rows.count()).toBe(100)
    expect(await shownIds()).toEqual(stored.slice(0, 100).map((customer) => customer.id))

    // A segment from the filter, applied with the Search button: that segment's customers, in the same order.
    const enterprise = (
      await database.db
        .selectFrom('customers')
        .select(['id', 'external_id', 'name', 'email'])
        .where('workspace_id', '=', 'demo')
        .where('segment', '=', 'enterprise')
        .execute()
    ).sort(byNameThenId)
    expect(enterprise.length).toBeGreaterThan(0)
    await page.locator('cx-customers-page select[name=segment]').selectOption('enterprise')
    await page.locator('cx-customers-page button[type=submit]').click()
    await expect.poll(() => shownIds()).toEqual(enterprise.slice(0, 50).map((customer) => customer.id))
    await page.locator('cx-customers-page a[href="#/customers"]').click()
    await expect.poll(() => rows.count()).toBe(50)

    // Typed in capitals: the search folds case; the e-mail address belongs to one customer only.
    const wanted = stored[Math.floor(stored.length / 2)]!
    const search = page.locator('cx-customers-page input[name=q]')
    await search.fill(wanted.email!.toUpperCase())
    await search.press('Enter')
    await expect.poll(() => shownIds()).toEqual([wanted.id])
    expect(page.url()).toContain(`#/customers?q=${encodeURIComponent(wanted.email!.toUpperCase())}`)
    await expect.poll(() => rows.first().locator('td').nth(2).textContent()).toBe(wanted.external_id)
    expect(errors).toEqual([])
    await page.close()
  })

  it("shows a customer's page with exactly that customer's survey answers and journey events, and again after a reload", async () => {
    const { customer, responses, events } = await customerWithResponses()
    // An id in another system, written into the running app's database: the search finds the customer by it.
    const sourceId = `HS-${customer.id.slice(0, 8)}`
    await database.db
      .insertInto('customer_identities')
      .values({
        workspace_id: 'demo',
        source: 'hubspot',
        source_id: sourceId,
        customer_id: customer.id,
        created_at: new Date().toISOString(),
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute()
    const page = await browser.newPage()
    const errors = await openCustomers(page)
    const search = page.locator('cx-customers-page input[name=q]')
    await search.fill(sourceId.toLowerCase())
    await search.press('Enter')
    await expect
      .poll(() =>
        page
          .locator('cx-customers-page tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-customer'))),
      )
      .toEqual([customer.id])
    const link = page.locator(`cx-customers-page tr[data-customer="${customer.id}"] a`)
    await link.waitFor()
    // Keyboard: the row's link takes focus and opens the customer with Enter.
    await link.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain(`#/customers/${customer.id}?workspace=demo`)

    const heading = page.locator('cx-customer-page h1')
    await expect.poll(() => heading.textContent()).toBe(customer.name)
    expect(
      await page.locator('cx-customer-page section[aria-labelledby=identities] tbody td').allTextContents(),
    ).toEqual(['hubspot', sourceId])
    // Attributes as stored, each shown as its type: a JSON boolean reads yes or no, text as text.
    const attributes = JSON.parse(customer.attributes) as Record<string, unknown>
    const shownAttributes = await page
      .locator('cx-customer-page tr[data-attribute]')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('data-attribute'),
          row.getAttribute('data-kind'),
          row.querySelector('td')?.textContent,
        ]),
      )
    expect(shownAttributes).toEqual(
      Object.keys(attributes)
        .sort()
        .map((key) => {
          const value = attributes[key]
          return typeof value === 'boolean' ? [key, 'yes-no', value ? 'yes' : 'no'] : [key, 'text', String(value)]
        }),
    )
    const entries = page.locator('cx-customer-timeline li[data-entry][data-kind=survey-response]')
    const journeyEntries = page.locator('cx-customer-timeline li[data-entry][data-kind=journey-event]')
    const shown = async () =>
      entries.evaluateAll((items) =>
        items.map((item) => ({
          id: item.getAttribute('data-entry'),
          kind: item.getAttribute('data-kind'),
          survey: item.querySelector('.title')?.textContent,
          scores: [...item.querySelectorAll('[data-score-type]')]
            .map((score) => `${score.getAttribute('data-score-type')}:${score.getAttribute('data-score')}`)
            .sort(),
          comment: item.querySelector('blockquote')?.textContent ?? null,
        })),
      )
    await expect.poll(() => entries.count(), { timeout: 20_000 }).toBe(responses.length)
    const expected = responses.map((response) => ({ ...response, kind: 'survey-response' }))
    expect(await shown()).toEqual(expected)
    // Each entry says what it is, in the reader's language.
    expect(await entries.first().locator('.kind').textContent()).toBe('Survey response')
    // The customer's journey events, each saying where they met the company.
    await expect.poll(() => journeyEntries.count()).toBe(events)
    expect(await journeyEntries.first().locator('.kind').textContent()).toBe('Journey')
    expect(await journeyEntries.first().locator('.title').textContent()).toMatch(/^Met .+ \(.+\)$/)

    await page.reload()
    await expect.poll(() => heading.textContent()).toBe(customer.name)
    await expect.poll(() => entries.count(), { timeout: 20_000 }).toBe(responses.length)
    expect(await shown()).toEqual(expected)

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => entries.first().locator('.kind').textContent()).toBe('Enquêteantwoord')
    expect(await journeyEntries.first().locator('.kind').textContent()).toBe('Klantreis')
    expect(await journeyEntries.first().locator('.title').textContent()).toMatch(/^Contact via .+ \(.+\)$/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so when a customer does not exist', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/#/customers/00000000-0000-0000-0000-000000000000?workspace=demo`)
    await expect
      .poll(() => page.locator('cx-customer-page [role=alert]').textContent(), { timeout: 20_000 })
      .toContain('does not exist')
    await page.close()
  })
})
