/** What `GET /api/surveys/public/<token>` returns: the survey and how to ask each question. */
export interface PublicSurvey {
  id: string
  name: string
  locales: string[]
  questions: PublicQuestion[]
  /** False when the survey's contact rule says the customer given was asked too recently. */
  eligible: boolean
  /** Until when that holds; null when eligible. */
  nextEligibleAt: string | null
}

export interface PublicQuestion {
  id: string
  type: string
  required: boolean
  text: Record<string, string>
  input:
    | { kind: 'scale'; min: number; max: number; lowLabel?: Record<string, string>; highLabel?: Record<string, string> }
    | { kind: 'text'; maxLength: number }
    | { kind: 'choices'; multiple: boolean; options: { id: string; label: Record<string, string> }[] }
    | null
}
