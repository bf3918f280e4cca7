import { defineQuestionType, scoreAnswer } from '@cxkit/plugin-surveys'
import { z } from 'zod'
import { npsGroups } from './nps-groups.js'

/** "How likely are you to recommend us to a friend or colleague?" — 0 to 10. */
export const npsQuestionType = defineQuestionType({
  id: 'nps',
  label: { en: 'Net Promoter Score (0–10)', nl: 'Net Promoter Score (0–10)' },
  configSchema: z.object({}).strict(),
  answerSchema: () => scoreAnswer(0, 10),
  input: () => ({
    kind: 'scale',
    min: 0,
    max: 10,
    lowLabel: { en: 'Not at all likely', nl: 'Zeer onwaarschijnlijk' },
    highLabel: { en: 'Extremely likely', nl: 'Zeer waarschijnlijk' },
  }),
  store: (value) => ({ score: value as number, scaleMax: 10, text: null, choices: null }),
  demoAnswer: (_config, mood, random) => Math.max(0, Math.min(10, Math.round(mood * 12 - 1 + (random() - 0.5) * 6))),
  scoreGroups: npsGroups,
  // NPS+ is the survey most teams start with: the score, then "why?".
  builder: { startsNewSurveys: true },
  demoSurvey: {
    id: 'relationship-nps',
    name: 'Quarterly relationship NPS',
    kind: 'relational',
    stageId: 'advocacy',
    question: {
      id: 'recommend',
      text: {
        en: 'How likely are you to recommend Huis & Haard to a friend or colleague?',
        nl: 'Hoe waarschijnlijk is het dat u Huis & Haard aanbeveelt aan een vriend of collega?',
      },
    },
    followUps: true,
    touchpoints: ['product-pages', 'web-checkout', 'shop-counter', 'parcel-delivery', 'call-centre', 'mobile-app'],
    responses: 1800,
  },
})
