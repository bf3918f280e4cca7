import { defaultStageModel } from '@cxkit/core'
import { createPluginContext, insertStages, insertTouchpoints } from '@cxkit/db'
import { createTestApp, type TestApp } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from './index.js'
import type { SurveyDefinition } from './schema.js'
import { seedDemoSurveys } from './seed-demo-surveys.js'
import type { SurveysTables } from './tables.js'
import { starsPlugin } from './test-support/stars-plugin.js'

/** A small seeded generator, so the demo answers repeat from run to run. */
function seeded(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('demo surveys', () => {
  let test: TestApp
  beforeAll(async () => {
    // The engine names no question type: the stars plugin's own demo survey is all it seeds.
    test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin] })
    await insertStages(test.database, test.workspace, defaultStageModel)
    await insertTouchpoints(test.database, test.workspace, [
      { id: 'shop-counter', name: 'Shop counter', stageId: 'purchase', channel: 'on-site' },
    ])
    const externalIds = ['C-1', 'C-2', 'C-3']
    const ids = await test.addCustomers(externalIds.map((externalId) => ({ externalId, segment: 'consumer' })))
    const surveys = test.host.plugins.find((plugin) => plugin.id === 'surveys')!
    await seedDemoSurveys(createPluginContext(test.database, test.host, surveys), {
      workspace: test.workspace,
      customers: externalIds.map((externalId, index) => ({
        id: ids[index]!,
        externalId,
        segment: 'consumer',
        region: 'Utrecht',
        plan: 'basic',
        createdAt: '2025-01-01T00:00:00.000Z',
      })),
      touchpoints: [],
      now: new Date('2026-06-01T00:00:00Z'),
      random: seeded(7),
    })
  })
  afterAll(async () => {
    await test.close()
  })

  it("builds each contributed type's demo survey, with the engine's follow-ups when the type asks for them", async () => {
    const surveys = await test.json<SurveyDefinition[]>(`/api/surveys/surveys?workspace=${test.workspace}`)
    expect(surveys.map((survey) => survey.id)).toEqual(['demo-stars'])
    expect(surveys[0]).toMatchObject({ kind: 'transactional', stageId: 'purchase', status: 'active' })
    expect(surveys[0]!.questions.map((question) => [question.id, question.type])).toEqual([
      ['rating', 'stars'],
      ['why', 'open'],
      ['reasons', 'reasons'],
    ])
  })

  it('answers it as often as the type says, at its touchpoints, with scores from its demoAnswer', async () => {
    const rows = await test.database.db
      .withTables<SurveysTables>()
      .selectFrom('surveys_responses as r')
      .innerJoin('surveys_answers as a', 'a.response_id', 'r.id')
      .where('r.survey_id', '=', 'demo-stars')
      .where('a.question_type', '=', 'stars')
      .select(['r.touchpoint_id', 'a.score'])
      .execute()
    expect(rows).toHaveLength(40)
    expect(new Set(rows.map((row) => row.touchpoint_id))).toEqual(new Set(['shop-counter']))
    expect(rows.every((row) => row.score !== null && row.score >= 1 && row.score <= 5)).toBe(true)
  })
})
