import type { TestApp } from './create-test-app.js'

/** One scored answer to put in a test survey: the score and where it came from. */
export interface ScoredAnswer {
  score: number
  touchpointId?: string
  submittedAt?: string
  channel?: string
  segment?: string
  locale?: 'en' | 'nl'
}

/**
 * Creates an active one-question survey of a question type and submits one response per answer,
 * through the real API. Touchpoints named in the answers are created first (in the purchase stage).
 *
 * @example
 * await submitScores(test, 'nps', [{ score: 9 }, { score: 6 }])
 */
export async function submitScores(
  test: TestApp,
  questionType: string,
  answers: ScoredAnswer[],
  options: { surveyId?: string; config?: Record<string, unknown> } = {},
) {
  const surveyId = options.surveyId ?? `${questionType}-survey`
  const touchpoints = [...new Set(answers.flatMap((a) => (a.touchpointId ? [a.touchpointId] : [])))]
  await ensureTouchpoints(test, touchpoints)
  await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
    method: 'POST',
    body: {
      id: surveyId,
      name: surveyId,
      kind: 'transactional',
      status: 'active',
      locales: ['en', 'nl'],
      questions: [
        { id: 'score', type: questionType, text: { en: 'Score?', nl: 'Score?' }, config: options.config ?? {} },
      ],
    },
  })
  await test.json('/api/surveys/responses', {
    method: 'POST',
    body: {
      workspace: test.workspace,
      responses: answers.map((answer) => ({
        surveyId,
        touchpointId: answer.touchpointId,
        submittedAt: answer.submittedAt ?? '2026-02-10T12:00:00Z',
        channel: answer.channel ?? 'api',
        segment: answer.segment,
        locale: answer.locale ?? 'en',
        answers: [{ questionId: 'score', value: answer.score }],
      })),
    },
  })
}

async function ensureTouchpoints(test: TestApp, ids: string[]) {
  if (ids.length === 0) return
  const db = test.database.db
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('workspace_id', '=', test.workspace)
    .where('id', '=', 'purchase')
    .executeTakeFirst()
  if (!stage) {
    await db
      .insertInto('stages')
      .values({ workspace_id: test.workspace, id: 'purchase', label_en: 'Purchase', label_nl: 'Aankoop', position: 0 })
      .execute()
  }
  const existing = new Set(
    (await db.selectFrom('touchpoints').select('id').where('workspace_id', '=', test.workspace).execute()).map(
      (r) => r.id,
    ),
  )
  const missing = ids.filter((id) => !existing.has(id))
  if (missing.length === 0) return
  await db
    .insertInto('touchpoints')
    .values(
      missing.map((id) => ({
        workspace_id: test.workspace,
        id,
        name: id,
        stage_id: 'purchase',
        channel: 'website',
        kind: null,
      })),
    )
    .execute()
}
