import type { QuestionTypeSummary } from '../question-type-parts.js'

/** A survey as the builder edits it: plain data, sent as is to the preview and save endpoints. */
export interface DraftQuestion {
  id: string
  type: string
  required: boolean
  text: { en: string; nl?: string }
  config: Record<string, unknown>
}

export interface DraftSurvey {
  id?: string
  name: string
  kind: 'relational' | 'transactional' | 'in-the-moment'
  status: 'draft' | 'active' | 'closed'
  touchpointId: string | null
  /** Kept as the survey has it; the builder does not edit it. */
  stageId?: string | null
  locales: ('en' | 'nl')[]
  contactRuleDays: number
  verifiedCustomers: boolean
  questions: DraftQuestion[]
}

/** A survey as the list shows it: saved, so it has an id and a public page. */
export interface ListedSurvey extends DraftSurvey {
  id: string
  publicToken: string
}

/** The "why?" follow-up that comes after a new survey's opening score. */
const whyQuestion = (id: string): DraftQuestion => ({
  id,
  type: 'open',
  required: false,
  text: { en: 'What is the main reason for your score?', nl: 'Wat is de belangrijkste reden voor uw score?' },
  config: {},
})

/**
 * A question of a type as the builder adds it: the type's default config, no text yet.
 *
 * @example
 * newQuestion('q3', csatSummary) // { id: 'q3', type: 'csat', required: true, text: { en: '', nl: '' }, config: { scale: 5 } }
 */
export function newQuestion(id: string, type: Pick<QuestionTypeSummary, 'id' | 'builder'>): DraftQuestion {
  return {
    id,
    type: type.id,
    required: true,
    text: { en: '', nl: '' },
    config: structuredClone(type.builder.defaultConfig ?? {}),
  }
}

/**
 * A new draft survey. It opens with a question of the first type that `startsNewSurveys` (NPS+: the
 * score, then "why?"); without such a type, with an open question.
 *
 * @example
 * newDraft(await api.get('/api/surveys/question-types')).questions.map((q) => q.type) // ['nps', 'open']
 */
export function newDraft(types: readonly QuestionTypeSummary[]): DraftSurvey {
  const starter = types.find((type) => type.builder.startsNewSurveys)
  const questions = starter
    ? [newQuestion('q1', starter), whyQuestion('q2')]
    : [{ id: 'q1', type: 'open', required: false, text: { en: '', nl: '' }, config: {} }]
  return {
    name: '',
    kind: 'relational',
    status: 'draft',
    touchpointId: null,
    locales: ['en', 'nl'],
    contactRuleDays: 90,
    verifiedCustomers: false,
    questions,
  }
}

/** The next free question id (q1, q2, …): ids stay stable when questions move. */
export function nextQuestionId(questions: readonly DraftQuestion[]): string {
  let n = questions.length + 1
  while (questions.some((q) => q.id === `q${n}`)) n++
  return `q${n}`
}

/**
 * The definition to send: the definition's fields only, and texts only for the chosen languages. A
 * draft opened from the survey list also carries what the server keeps (token, times); the API's
 * strict schema refuses those, so they are left behind here.
 */
export function toDefinition(draft: DraftSurvey) {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    kind: draft.kind,
    status: draft.status,
    touchpointId: draft.touchpointId || null,
    ...(draft.stageId !== undefined ? { stageId: draft.stageId } : {}),
    locales: draft.locales,
    contactRuleDays: draft.contactRuleDays,
    verifiedCustomers: draft.verifiedCustomers,
    questions: draft.questions.map((q) => ({
      id: q.id,
      type: q.type,
      required: q.required,
      config: q.config,
      text: Object.fromEntries(draft.locales.map((locale) => [locale, q.text[locale] ?? ''])) as {
        en: string
        nl?: string
      },
    })),
  }
}
