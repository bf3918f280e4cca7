import { createTestApp, type TestApp } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from './index.js'

describe('survey definitions', () => {
  let test: TestApp
  const create = (body: unknown) =>
    test.request(`/api/surveys/surveys?workspace=${test.workspace}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const base = {
    name: 'Why did you leave?',
    kind: 'relational',
    locales: ['en', 'nl'],
    questions: [{ id: 'why', type: 'open', text: { en: 'Why?', nl: 'Waarom?' } }],
  }

  beforeAll(async () => {
    test = await createTestApp({ plugins: [surveysPlugin()] })
  })
  afterAll(async () => {
    await test.close()
  })

  it('creates a draft with an id from its name and an unguessable public token', async () => {
    const response = await create(base)
    expect(response.status).toBe(201)
    const survey = await response.json()
    expect(survey).toMatchObject({ id: 'why-did-you-leave', status: 'draft', contactRuleDays: 0 })
    expect(survey.publicToken).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect((await create(base)).status).toBe(409)
  })

  it.each([
    [
      'an unknown question type',
      { ...base, id: 'a', questions: [{ id: 'q', type: 'nps', text: { en: 'x', nl: 'y' } }] },
      'body.questions[0].type',
    ],
    [
      'a missing translation',
      { ...base, id: 'b', questions: [{ id: 'q', type: 'open', text: { en: 'x' } }] },
      'body.questions[0].text.nl',
    ],
    [
      'a bad question config',
      {
        ...base,
        id: 'c',
        questions: [{ id: 'q', type: 'reasons', text: { en: 'x', nl: 'y' }, config: { options: [] } }],
      },
      'body.questions[0].config.options',
    ],
    [
      'a duplicate question id',
      {
        ...base,
        id: 'd',
        questions: [
          { id: 'q', type: 'open', text: { en: 'x', nl: 'y' } },
          { id: 'q', type: 'open', text: { en: 'x', nl: 'y' } },
        ],
      },
      'body.questions[1].id',
    ],
    ['an unknown kind', { ...base, id: 'e', kind: 'weekly' }, 'body.kind'],
  ])('rejects %s, naming the field', async (_what, body, field) => {
    const response = await create(body)
    expect(response.status).toBe(400)
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('activates and closes a survey, and will not turn a closed one back into a draft', async () => {
    const path = `/api/surveys/surveys/why-did-you-leave?workspace=${test.workspace}`
    const patch = (body: unknown) =>
      test.request(path, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await (await patch({ status: 'active' })).json()).status).toBe('active')
    // A change of one field leaves the others as they were.
    expect(await (await patch({ name: 'Why did you go?' })).json()).toMatchObject({
      name: 'Why did you go?',
      status: 'active',
      locales: ['en', 'nl'],
    })
    expect((await (await patch({ status: 'closed' })).json()).status).toBe('closed')
    expect((await patch({ status: 'draft' })).status).toBe(409)
    const list = await test.json<{ id: string }[]>(`/api/surveys/surveys?workspace=${test.workspace}`)
    expect(list.map((s) => s.id)).toEqual(['why-did-you-leave'])
  })
})
