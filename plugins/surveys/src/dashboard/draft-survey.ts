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

/** A new survey starts as a draft NPS+ survey: the score, then "why?". */
export function newDraft(): DraftSurvey {
  return {
    name: '',
    kind: 'relational',
    status: 'draft',
    touchpointId: null,
    locales: ['en', 'nl'],
    contactRuleDays: 90,
    verifiedCustomers: false,
    questions: [
      { id: 'q1', type: 'nps', required: true, text: { en: '', nl: '' }, config: {} },
      {
        id: 'q2',
        type: 'open',
        required: false,
        text: { en: 'What is the main reason for your score?', nl: 'Wat is de belangrijkste reden voor uw score?' },
        config: {},
      },
    ],
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
