import { createTestApp, type TestApp } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'

describe('the public survey page', () => {
  let test: TestApp
  let token: string
  /** Each stored answer with its response's channel. */
  const answers = () =>
    test.database.db
      .selectFrom('surveys_answers as a' as any)
      .innerJoin('surveys_responses as r' as any, 'r.id' as any, 'a.response_id' as any)
      .select(['a.question_id', 'r.channel'] as any)
      .execute() as Promise<Record<string, unknown>[]>
  const post = (form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v)
    return test.request(`/s/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    })
  }

  beforeAll(async () => {
    test = await createTestApp({ plugins: [surveysPlugin()] })
    const survey = await test.json<{ publicToken: string }>(`/api/surveys/surveys?workspace=${test.workspace}`, {
      method: 'POST',
      body: {
        id: 'feedback',
        name: 'Feedback',
        kind: 'in-the-moment',
        status: 'active',
        locales: ['en', 'nl'],
        questions: [
          {
            id: 'reasons',
            type: 'reasons',
            text: { en: 'What went well?', nl: 'Wat ging goed?' },
            config: {
              options: [
                { id: 'speed', label: { en: 'Speed', nl: 'Snelheid' } },
                { id: 'staff', label: { en: 'Staff', nl: 'Personeel' } },
              ],
            },
          },
          { id: 'why', type: 'open', required: false, text: { en: 'Anything else?', nl: 'Nog iets?' } },
        ],
      },
    })
    token = survey.publicToken
  })
  afterAll(async () => {
    await test.close()
  })

  it("renders an accessible form in the visitor's language", async () => {
    const page = await test.request(`/s/${token}`, { headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' } })
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain('<html lang="nl">')
    expect(body).toContain('<legend>Wat ging goed? </legend>')
    expect(body).toContain('Personeel')
    expect(body).toMatch(/name="nonce" value="[0-9a-f-]{36}"/)
  })

  it('escapes what it shows', async () => {
    await test.request(`/api/surveys/surveys/feedback?workspace=${test.workspace}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '<script>alert(1)</script>' }),
    })
    const body = await (await test.request(`/s/${token}`)).text()
    expect(body).not.toContain('<script>alert(1)</script>')
    expect(body).toContain('&lt;script&gt;')
  })

  it('asks again for a missing required answer and stores nothing', async () => {
    const response = await post({ nonce: 'n-1', lang: 'en', 'q.why': 'hello' })
    expect(response.status).toBe(400)
    const body = await response.text()
    expect(body).toContain('Please answer this question.')
    expect(body).toContain('>hello</textarea>')
    expect(await answers()).toEqual([])
  })

  it("refuses a nonce the page did not send, in the visitor's language, and stores nothing", async () => {
    const response = await post({ nonce: 'n'.repeat(65), 'q.reasons': 'speed' }, { 'accept-language': 'nl' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Dit antwoord kon niet worden gelezen.')
    expect(await answers()).toEqual([])
  })

  it('stores a submitted form once, however often it is sent', async () => {
    const form = { nonce: 'n-2', lang: 'en', 'q.reasons': ['speed', 'staff'], 'q.why': 'Quick and kind' }
    const first = await post(form)
    expect(first.status).toBe(201)
    expect(await first.text()).toContain('Thank you! Your answer has been received.')
    const again = await post(form)
    expect(await again.text()).toContain('we had already received your answer')
    const stored = await answers()
    expect(stored.map((a) => a.question_id).sort()).toEqual(['reasons', 'why'])
    expect(stored.every((a) => a.channel === 'link')).toBe(true)
  })

  it('renders the form again in the same browser with the same nonce, so Back then Send stores once', async () => {
    const nonceOf = async (response: Response) => (await response.text()).match(/name="nonce" value="([^"]+)"/)?.[1]
    const first = await test.request(`/s/${token}`)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toMatch(new RegExp(`^cx-nonce-${token}=`))
    const nonce = await nonceOf(first)
    expect(await nonceOf(await test.request(`/s/${token}`, { headers: { cookie } }))).toBe(nonce)
    // A fresh form (the thank-you page's link) and another browser get a new one.
    expect(await nonceOf(await test.request(`/s/${token}?again=1`, { headers: { cookie } }))).not.toBe(nonce)
    expect(await nonceOf(await test.request(`/s/${token}`))).not.toBe(nonce)
  })

  it('says so when a survey is unknown or closed', async () => {
    expect((await test.request('/s/no-such-token')).status).toBe(404)
    await test.request(`/api/surveys/surveys/feedback?workspace=${test.workspace}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    })
    expect((await test.request(`/s/${token}`)).status).toBe(410)
  })
})

describe('personal links and QR codes', () => {
  let test: TestApp
  let links: { customerExternalId: string; url: string }[]

  beforeAll(async () => {
    test = await createTestApp({ plugins: [surveysPlugin()] })
    await test.addCustomers([{ externalId: 'C-1', segment: 'enterprise' }, { externalId: 'C-2' }])
    await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
      method: 'POST',
      body: {
        id: 'exit',
        name: 'Exit',
        kind: 'relational',
        status: 'active',
        questions: [{ id: 'why', type: 'open', text: { en: 'Why did you leave?' } }],
      },
    })
    links = await test.json(`/api/surveys/surveys/exit/links?workspace=${test.workspace}`, {
      method: 'POST',
      body: { customers: ['C-1', 'C-2'] },
    })
  })
  afterAll(async () => {
    await test.close()
  })

  const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '')
  const submit = (link: string, why: string) => {
    const url = new URL(link)
    const body = new URLSearchParams({
      nonce: 'x',
      lang: 'en',
      c: url.searchParams.get('c')!,
      sig: url.searchParams.get('sig')!,
      'q.why': why,
    })
    return test.request(url.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
  }

  it('gives each customer a signed link that answers as that customer, once', async () => {
    expect(links.map((l) => l.customerExternalId)).toEqual(['C-1', 'C-2'])
    expect(links[0]!.url).toMatch(/\/s\/[A-Za-z0-9_-]+\?c=C-1&sig=[a-z0-9]+\.[A-Za-z0-9_-]{22}$/)
    const page = await (await test.request(pathOf(links[0]!.url))).text()
    expect(page).toContain('name="c" value="C-1"')
    expect((await submit(links[0]!.url, 'Too expensive')).status).toBe(201)
    expect(await (await submit(links[0]!.url, 'Changed my mind')).text()).toContain('already received')
    expect(await (await test.request(pathOf(links[0]!.url))).text()).toContain('already received')
    const stored = (await test.database.db
      .selectFrom('surveys_responses' as any)
      .selectAll()
      .execute()) as Record<string, unknown>[]
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ customer_external_id: 'C-1', channel: 'email', segment: 'enterprise' })
  })

  it('refuses a link whose customer was changed', async () => {
    const forged = links[1]!.url.replace('c=C-2', 'c=C-1')
    expect((await test.request(pathOf(forged))).status).toBe(403)
    expect((await submit(forged, 'hijack')).status).toBe(403)
  })

  it('draws a QR code of the survey page as SVG', async () => {
    const response = await test.request(`/api/surveys/surveys/exit/qr.svg?workspace=${test.workspace}&touchpoint=shop`)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    const svg = await response.text()
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.length).toBeGreaterThan(1000)
  })
})

describe('the widget endpoints', () => {
  let test: TestApp
  let token: string
  beforeAll(async () => {
    test = await createTestApp({ plugins: [surveysPlugin()] })
    const survey = await test.json<{ publicToken: string }>(`/api/surveys/surveys?workspace=${test.workspace}`, {
      method: 'POST',
      body: {
        id: 'chat',
        name: 'Chat',
        kind: 'in-the-moment',
        status: 'active',
        questions: [{ id: 'why', type: 'open', text: { en: 'How was the chat?' } }],
      },
    })
    token = survey.publicToken
  })
  afterAll(async () => {
    await test.close()
  })

  it('serves the survey to any origin without secrets', async () => {
    const response = await test.request(`/api/surveys/public/${token}`, { headers: { origin: 'https://shop.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const survey = await response.json()
    expect(survey.questions[0]).toMatchObject({ id: 'why', input: { kind: 'text' } })
    expect(JSON.stringify(survey)).not.toMatch(/secret|publicToken/i)
  })

  it('stores a widget response once per key and names bad answers by their place in this body', async () => {
    const send = (body: unknown) =>
      test.request(`/api/surveys/public/${token}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const body = { idempotencyKey: 'a1b2c3d4e5', answers: [{ questionId: 'why', value: 'Quick help' }] }
    expect(await (await send(body)).json()).toEqual({ stored: true })
    expect(await (await send(body)).json()).toEqual({ stored: false })
    const bad = await send({ idempotencyKey: 'f6g7h8i9j0', answers: [{ questionId: 'who', value: 'x' }] })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].field).toBe('body.answers[0].questionId')
  })
})
