import type { DemoSeedContext, PluginContext } from '@cxkit/core'
import { ingestResponses } from './ingest-responses.js'
import { createQuestionRegistry } from './question-registry.js'
import type { QuestionType } from './question-type.js'
import type { SurveyDefinition } from './schema.js'
import { createSurveysRepository } from './surveys-repository.js'
import { validateSurvey } from './validate-survey.js'

const dayMs = 86_400_000

/** How customers feel at each demo touchpoint (0 bad … 1 good): the checkout is the pain point. */
const touchpointMood: Record<string, number> = {
  'web-checkout': 0.42,
  'parcel-delivery': 0.58,
  'call-centre': 0.6,
  'shop-counter': 0.8,
  'mobile-app': 0.7,
  'product-pages': 0.68,
}

const reasons = [
  { id: 'price', label: { en: 'Price', nl: 'Prijs' } },
  { id: 'delivery', label: { en: 'Delivery', nl: 'Levering' } },
  { id: 'service', label: { en: 'Service', nl: 'Service' } },
  { id: 'quality', label: { en: 'Product quality', nl: 'Productkwaliteit' } },
]

const why = {
  good: [
    'Fast delivery and friendly staff',
    'Great quality, will buy again',
    'Snelle levering, prima service',
    'Easy to order',
  ],
  bad: [
    'Checkout kept failing',
    'Delivery was two days late',
    'Te lang in de wacht bij de klantenservice',
    'Too expensive for what you get',
  ],
}

/** The engine's NPS+ follow-ups: "why?" and the reasons that mattered. */
const followUps: SurveyDefinition['questions'] = [
  {
    id: 'why',
    type: 'open',
    required: false,
    config: {},
    text: { en: 'What is the main reason for your score?', nl: 'Wat is de belangrijkste reden voor uw score?' },
  },
  {
    id: 'reasons',
    type: 'reasons',
    required: false,
    config: { options: reasons },
    text: { en: 'What mattered most?', nl: 'Wat vond u het belangrijkst?' },
  },
]

/** A survey around a type's demo question, as the type describes it. */
function demoSurveyOf(type: QuestionType): { survey: SurveyDefinition; touchpoints: string[]; count: number }[] {
  const demo = type.demoSurvey
  if (!demo) return []
  const survey: SurveyDefinition = {
    id: demo.id,
    name: demo.name,
    kind: demo.kind,
    stageId: demo.stageId,
    status: 'active',
    locales: ['en', 'nl'],
    contactRuleDays: 90,
    verifiedCustomers: false,
    linkValidDays: 90,
    questions: [
      { id: demo.question.id, type: type.id, required: true, config: {}, text: demo.question.text },
      ...(demo.followUps ? followUps : []),
    ],
  }
  return [{ survey, touchpoints: [...demo.touchpoints], count: demo.responses }]
}

/** The top of a question's scale, when it is asked on one. */
function scaleTop(type: QuestionType, config: unknown): number | undefined {
  const input = type.input(config)
  return input.kind === 'scale' ? input.max : undefined
}

/** Demo surveys for whichever question types are enabled and offer one, each with a year of responses. */
export async function seedDemoSurveys(ctx: PluginContext, demo: DemoSeedContext): Promise<void> {
  const registry = createQuestionRegistry(ctx)
  const repository = createSurveysRepository(ctx)
  const plans = registry.all().flatMap(demoSurveyOf)

  const now = demo.now.getTime()
  for (const { survey, touchpoints, count } of plans) {
    const definition = validateSurvey({ ...survey, touchpointId: null }, registry)
    await repository.insert(demo.workspace, definition)
    const responses = Array.from({ length: count }, (_, index) => {
      const customer = demo.customers[Math.floor(demo.random() * demo.customers.length)]!
      const touchpointId = touchpoints[Math.floor(demo.random() * touchpoints.length)]!
      const age = Math.floor(demo.random() * 400)
      // Things get a little better over the year, and enterprise customers are a little happier.
      const mood = Math.min(
        1,
        (touchpointMood[touchpointId] ?? 0.6) + (400 - age) / 4000 + (customer.segment === 'enterprise' ? 0.05 : 0),
      )
      // The comment follows the score given just before it in the same response.
      let happy = mood > 0.6
      const answers = definition.questions.flatMap((question) => {
        const type = registry.get(question.type)!
        if (question.type === 'open')
          return demo.random() < 0.6
            ? [{ questionId: question.id, value: pick(happy ? why.good : why.bad, demo.random) }]
            : []
        if (question.type === 'reasons')
          return demo.random() < 0.5 ? [{ questionId: question.id, value: [pick(reasons, demo.random).id] }] : []
        const value = type.demoAnswer?.(question.config, mood, demo.random)
        if (typeof value === 'number') happy = value >= 0.8 * (scaleTop(type, question.config) ?? 10)
        return [{ questionId: question.id, value }]
      })
      return {
        surveyId: definition.id,
        idempotencyKey: `demo-${definition.id}-${index}`,
        customerExternalId: customer.externalId,
        channel: pick(['email', 'link', 'widget', 'in-app'] as const, demo.random),
        touchpointId,
        locale: demo.random() < 0.7 ? ('nl' as const) : ('en' as const),
        submittedAt: new Date(now - age * dayMs - Math.floor(demo.random() * dayMs)).toISOString(),
        answers,
      }
    })
    for (let start = 0; start < responses.length; start += 1000) {
      await ingestResponses(ctx, registry, demo.workspace, responses.slice(start, start + 1000), demo.now)
    }
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!
}
