import type { LocalizedText } from '@cxkit/core'

/**
 * A named band of scores on a question type's scale, such as NPS promoters (9–10). Verbatims and
 * panels filter by it, so the cut-offs live with the type that owns them.
 *
 * @example
 * const promoter: ScoreGroup = { id: 'promoter', label: { en: 'Promoters', nl: 'Promoters' }, min: 9, max: 10 }
 */
export interface ScoreGroup {
  readonly id: string
  readonly label: LocalizedText
  /** Lowest score in the group, inclusive. */
  readonly min: number
  /** Highest score in the group, inclusive. */
  readonly max: number
}

/**
 * One setting of a question as the survey builder edits it: a number, a choice from a list, or a
 * list of reasons (one per line, per survey language). Plain data, so the server stays free of Lit.
 *
 * @example
 * const scale: ConfigField = { kind: 'select', key: 'scale', label: { en: 'Scale', nl: 'Schaal' },
 *   options: [{ value: 5, label: { en: '1–5' } }, { value: 10, label: { en: '1–10' } }] }
 */
export type ConfigField =
  | { readonly kind: 'number'; readonly key: string; readonly label: LocalizedText; min?: number; max?: number }
  | {
      readonly kind: 'select'
      readonly key: string
      readonly label: LocalizedText
      readonly options: readonly { readonly value: string | number; readonly label: LocalizedText }[]
    }
  | { readonly kind: 'reasons-list'; readonly key: string; readonly label: LocalizedText }

/** How the survey builder offers a question type. */
export interface QuestionBuilder {
  /** The settings the builder shows for a question of this type, in order. */
  readonly fields?: readonly ConfigField[]
  /** The config a question gets when it is given this type. */
  readonly defaultConfig?: Readonly<Record<string, unknown>>
  /** A new survey opens with a question of the first type that says so, then the "why?" follow-up. */
  readonly startsNewSurveys?: boolean
}

/**
 * What `GET /api/surveys/question-types` says of each type: enough for the builder to offer it.
 *
 * @example
 * const types = await api.get<QuestionTypeSummary[]>('/api/surveys/question-types')
 */
export interface QuestionTypeSummary {
  readonly id: string
  readonly label: LocalizedText
  readonly scoreGroups: readonly ScoreGroup[]
  readonly builder: QuestionBuilder
}
