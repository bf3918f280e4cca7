import { contribute, definePlugin } from '@cxkit/core'
import { z } from 'zod'
import { defineQuestionType, questionTypesPoint, scoreAnswer } from '../question-type.js'

/** A 1–5 star question from a plugin of its own: tests prove the engine learns types without edits. */
export const starsQuestionType = defineQuestionType({
  id: 'stars',
  label: { en: 'Stars' },
  configSchema: z.object({}).strict(),
  answerSchema: () => scoreAnswer(1, 5),
  input: () => ({ kind: 'scale', min: 1, max: 5 }),
  store: (value) => ({ score: value as number, scaleMax: 5, text: null, choices: null }),
  demoAnswer: (_config, mood) => Math.max(1, Math.min(5, Math.round(1 + mood * 4))),
  scoreGroups: [
    { id: 'unhappy', label: { en: 'Unhappy' }, min: 1, max: 2 },
    { id: 'happy', label: { en: 'Happy' }, min: 4, max: 5 },
  ],
  demoSurvey: {
    id: 'demo-stars',
    name: 'Stars after a visit',
    kind: 'transactional',
    stageId: 'purchase',
    question: { id: 'rating', text: { en: 'How many stars?', nl: 'Hoeveel sterren?' } },
    followUps: true,
    touchpoints: ['shop-counter'],
    responses: 40,
  },
})

export const starsPlugin = definePlugin({
  id: 'stars',
  version: '1.0.0',
  dependsOn: ['surveys'],
  contributes: [contribute(questionTypesPoint, starsQuestionType)],
})()
