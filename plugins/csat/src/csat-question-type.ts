import { defineQuestionType, scoreAnswer } from '@cxkit/plugin-surveys'
import { z } from 'zod'

/** "How satisfied were you with …?" on 1–5 or 1–10; each question stores its own scale. */
export function csatQuestionType(defaultScale: 5 | 10) {
  return defineQuestionType({
    id: 'csat',
    label: { en: 'Satisfaction (CSAT)', nl: 'Tevredenheid (CSAT)' },
    configSchema: z.object({ scale: z.union([z.literal(5), z.literal(10)]).default(defaultScale) }).strict(),
    answerSchema: (config) => scoreAnswer(1, config.scale),
    input: (config) => ({
      kind: 'scale',
      min: 1,
      max: config.scale,
      lowLabel: { en: 'Very dissatisfied', nl: 'Zeer ontevreden' },
      highLabel: { en: 'Very satisfied', nl: 'Zeer tevreden' },
    }),
    store: (value, config) => ({ score: value as number, scaleMax: config.scale, text: null, choices: null }),
    demoAnswer: (config, mood, random) =>
      Math.max(1, Math.min(config.scale, Math.round(1 + (mood + (random() - 0.5) * 0.5) * (config.scale - 1)))),
    builder: {
      fields: [
        {
          kind: 'select',
          key: 'scale',
          label: { en: 'Scale', nl: 'Schaal' },
          options: [
            { value: 5, label: { en: '1–5' } },
            { value: 10, label: { en: '1–10' } },
          ],
        },
      ],
      defaultConfig: { scale: defaultScale },
    },
    demoSurvey: {
      id: 'purchase-csat',
      name: 'After-purchase satisfaction',
      kind: 'transactional',
      stageId: 'purchase',
      question: {
        id: 'satisfied',
        text: { en: 'How satisfied were you with your purchase?', nl: 'Hoe tevreden was u met uw aankoop?' },
      },
      touchpoints: ['web-checkout', 'shop-counter', 'parcel-delivery'],
      responses: 1200,
    },
  })
}
