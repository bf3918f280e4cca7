import { defineQuestionType, scoreAnswer } from '@cxkit/plugin-surveys'
import { z } from 'zod'

/** CES 2.0: agreement with "It was easy to …" on 1 (strongly disagree) to 7 (strongly agree). */
export const cesQuestionType = defineQuestionType({
  id: 'ces',
  label: { en: 'Customer effort (CES, 1–7)', nl: 'Klantinspanning (CES, 1–7)' },
  configSchema: z.object({}).strict(),
  answerSchema: () => scoreAnswer(1, 7),
  input: () => ({
    kind: 'scale',
    min: 1,
    max: 7,
    lowLabel: { en: 'Strongly disagree', nl: 'Helemaal mee oneens' },
    highLabel: { en: 'Strongly agree', nl: 'Helemaal mee eens' },
  }),
  store: (value) => ({ score: value as number, scaleMax: 7, text: null, choices: null }),
  demoAnswer: (_config, mood, random) => Math.max(1, Math.min(7, Math.round(1 + (mood + (random() - 0.5) * 0.45) * 6))),
  demoSurvey: {
    id: 'service-ces',
    name: 'Customer service effort',
    kind: 'in-the-moment',
    stageId: 'retention',
    question: {
      id: 'easy',
      text: { en: 'It was easy to get my issue resolved.', nl: 'Mijn vraag werd makkelijk opgelost.' },
    },
    touchpoints: ['call-centre', 'mobile-app'],
    responses: 800,
  },
})
