import type { RiskAnswerEvidence, RiskSignal } from '../risk/risk-schemas.js'

/** The words a signal chip needs; the element translates the keys and fills in the values. */
export interface SignalText {
  /** `churn-clv:signal.<kind>` */
  label: `churn-clv:${string}`
  /** `churn-clv:evidence.<kind>` with its values. */
  evidence: { key: `churn-clv:${string}`; values: Record<string, string | number> }
  /** The comment of a complaint, quoted after the evidence. */
  comment: string | null
}

const answerValues = (answer: RiskAnswerEvidence | undefined, date: (iso: string) => string) =>
  answer
    ? {
        type: answer.questionType.toUpperCase(),
        score: answer.scaleMax === null ? `${answer.score}` : `${answer.score}/${answer.scaleMax}`,
        date: date(answer.submittedAt),
      }
    : { type: '', score: '', date: '' }

/**
 * A signal as a chip's label, evidence and comment: "P(alive) 0.25 < 0.5, fit of 28 Nov 2026", "NPS 3/10 on
 * 26 Nov 2026", and for a complaint the customer's words.
 *
 * @example
 * signalText({ kind: 'recent-detractor', answers: [answer] }, formatDate).evidence.values.score // '3/10'
 */
export function signalText(
  signal: RiskSignal,
  date: (iso: string) => string,
  share: (n: number) => string,
): SignalText {
  if (signal.kind === 'low-p-alive')
    return {
      label: `churn-clv:signal.${signal.kind}`,
      evidence: {
        key: 'churn-clv:evidence.low-p-alive' as const,
        values: {
          p: share(signal.probabilityAlive),
          threshold: share(signal.threshold),
          date: date(signal.fitCreatedAt),
        },
      },
      comment: null,
    }
  const [latest] = signal.answers
  const values = { ...answerValues(latest, date), more: Math.max(0, signal.answers.length - 1) }
  return {
    label: `churn-clv:signal.${signal.kind}`,
    evidence: { key: values.more > 0 ? 'churn-clv:evidence.answersMore' : 'churn-clv:evidence.answer', values },
    comment: signal.kind === 'unanswered-complaint' ? (latest?.comment ?? null) : null,
  }
}
