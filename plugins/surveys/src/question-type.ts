import { defineExtensionPoint, type LocalizedText, safeTextSchema } from '@cxkit/core'
import { z } from 'zod'
import type { QuestionBuilder, ScoreGroup } from './question-type-parts.js'
import type { surveyKinds } from './schema.js'

export type { ConfigField, QuestionBuilder, QuestionTypeSummary, ScoreGroup } from './question-type-parts.js'

/** How an answer is stored: a score for scales, text for open questions, choices for pick-lists. */
export interface StoredAnswer {
  score: number | null
  /** The top of the question's scale, so metrics can apply cut-offs per answer (1–5 and 1–10 CSAT mix). */
  scaleMax: number | null
  text: string | null
  choices: string[] | null
}

/** How a question is asked on a page or in the widget. */
export type QuestionInput =
  | { kind: 'scale'; min: number; max: number; lowLabel?: LocalizedText; highLabel?: LocalizedText }
  | { kind: 'text'; maxLength: number }
  | { kind: 'choices'; multiple: boolean; options: { id: string; label: Record<string, string> }[] }

/**
 * A kind of question. The engine knows none by name: NPS, CSAT and CES come from their plugins,
 * contributed to the `surveys.questionTypes` extension point.
 */
export interface QuestionType<TConfig = unknown> {
  readonly id: string
  readonly label: LocalizedText
  /** Settings of a question of this type (a scale, a list of reasons); `{}` when it has none. */
  readonly configSchema: z.ZodType<TConfig>
  /** The schema one answer's `value` must satisfy, given the question's config. */
  answerSchema(config: TConfig): z.ZodType
  /** How to ask it: the survey page and the widget render from this. */
  input(config: TConfig): QuestionInput
  /** Turns a valid answer into what is stored. */
  store(value: unknown, config: TConfig): StoredAnswer
  /** A plausible demo answer; `mood` in [0, 1] leans it from bad to good. */
  demoAnswer?(config: TConfig, mood: number, random: () => number): unknown
  /** Named bands of scores (NPS promoters 9–10) that verbatims and panels filter by. */
  readonly scoreGroups?: readonly ScoreGroup[]
  /** How the survey builder offers this type: its settings, default config, and whether new surveys start with it. */
  readonly builder?: QuestionBuilder
  /** A demo survey that opens with a question of this type; the demo seed fills it with `demoAnswer`s. */
  readonly demoSurvey?: DemoSurvey
}

/**
 * A demo survey around one question type, asked at some of the demo touchpoints over the demo year.
 *
 * @example
 * const demoSurvey: DemoSurvey = { id: 'service-ces', name: 'Customer service effort', kind: 'in-the-moment',
 *   stageId: 'retention', question: { id: 'easy', text: { en: 'It was easy.' } }, touchpoints: ['call-centre'], responses: 800 }
 */
export interface DemoSurvey {
  readonly id: string
  readonly name: string
  readonly kind: (typeof surveyKinds)[number]
  readonly stageId: string
  /** The question of this type the survey opens with. */
  readonly question: { readonly id: string; readonly text: LocalizedText }
  /** Follows the score with the engine's open "why?" and reasons questions (NPS+). */
  readonly followUps?: boolean
  readonly touchpoints: readonly string[]
  readonly responses: number
}

/** The extension point question types are contributed to: `contribute(questionTypesPoint, myType)`. */
export const questionTypesPoint = defineExtensionPoint<QuestionType<any>>('surveys.questionTypes')

/**
 * Declares a question type; contribute it with `contributes: [contribute(questionTypesPoint, type)]`.
 *
 * @example
 * const stars = defineQuestionType({ id: 'stars', label: { en: 'Stars' }, configSchema: z.object({}),
 *   answerSchema: () => z.number().int().min(1).max(5), input: () => ({ kind: 'scale', min: 1, max: 5 }), store: (v) => ({ score: v as number, scaleMax: 5, text: null, choices: null }) })
 */
export function defineQuestionType<TConfig>(type: QuestionType<TConfig>): QuestionType<TConfig> {
  return Object.freeze(type)
}

/** A whole-number score on an inclusive scale. */
export function scoreAnswer(min: number, max: number): z.ZodType<number> {
  return z
    .number({ error: `must be a number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min)
    .max(max)
}

/** The open "why?" follow-up (NPS+): free text. */
export const openQuestionType = defineQuestionType({
  id: 'open',
  label: { en: 'Open question', nl: 'Open vraag' },
  configSchema: z.object({ maxLength: z.number().int().min(1).max(10_000).default(2000) }).strict(),
  answerSchema: (config) => safeTextSchema.trim().max(config.maxLength),
  input: (config) => ({ kind: 'text', maxLength: config.maxLength }),
  store: (value) => ({ score: null, scaleMax: null, text: String(value), choices: null }),
})

/** The optional pick-list of known reasons. */
export const reasonsQuestionType = defineQuestionType({
  id: 'reasons',
  label: { en: 'Reasons', nl: 'Redenen' },
  configSchema: z
    .object({
      options: z
        .array(z.object({ id: z.string().min(1).max(64), label: z.record(z.string(), safeTextSchema.max(1000)) }))
        .min(1)
        .max(50),
      multiple: z.boolean().default(true),
    })
    .strict(),
  answerSchema: (config) => {
    const ids = config.options.map((option) => option.id) as [string, ...string[]]
    const list = z.array(z.enum(ids)).max(config.multiple ? ids.length : 1)
    return list
  },
  input: (config) => ({ kind: 'choices', multiple: config.multiple, options: config.options }),
  builder: {
    fields: [
      { kind: 'reasons-list', key: 'options', label: { en: 'Reasons, one per line', nl: 'Redenen, één per regel' } },
    ],
  },
  store: (value) => ({ score: null, scaleMax: null, text: null, choices: [...new Set(value as string[])] }),
})
