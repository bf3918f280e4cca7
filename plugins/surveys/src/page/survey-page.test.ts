import { createTestApp, type TestApp } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'

describe('the public survey page', () => {
  let test: TestApp
  let token: string
  const answers = () => test.database.db.selectFrom('surveys_answers' as any).selectAll().execute() as Promise<Record<string, unknown>[]>
  const post = (form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v)
    return test.request(`/s/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })
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
          { id: 'reasons', type: 'reasons', text: { en: 'What went well?', nl: 'Wat ging goed?' }, config: { options: [{ id: 'speed', label: { en: 'Speed', nl: 'Snelheid' } }, { id: 'staff', label: { en: 'Staff', nl: 'Personeel' } }] } },
          { id: 'why', type: 'open', required: false, text: { en: 'Anything else?', nl: 'Nog iets?' } },
        ],
      },
    })
    token = survey.publicToken
  })
  afterAll(async () => {
    await test.close()
  })

  it('renders an accessible form in the visitor\'s language', async () => {
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
