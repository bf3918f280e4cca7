import { defineQuestionType, scoreAnswer } from '@cxkit/plugin-surveys'
import { z } from 'zod'

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
})
