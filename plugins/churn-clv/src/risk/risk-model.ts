import type { RiskAnswerEvidence, RiskSignal, RiskSignalKind } from './risk-schemas.js'

/**
 * What a customer's departure would cost: the CLV the model expects, weighted by the chance the customer has
 * already gone. Null without a score, so such customers are never ranked as if their stake were zero.
 *
 * @example
 * valueAtStake(400, 0.25) // 300
 */
export function valueAtStake(clv: number | null, probabilityAlive: number | null): number | null {
  if (clv === null || probabilityAlive === null) return null
  return clv * (1 - probabilityAlive)
}

/** How many characters of an open comment the list shows. */
export const commentExcerptLength = 200

/**
 * The start of a comment, whitespace collapsed, cut at a word where one is near, with an ellipsis when cut.
 *
 * @example
 * commentExcerpt('  Never  again.  ') // 'Never again.'
 */
export function commentExcerpt(text: string | null, max = commentExcerptLength): string | null {
  if (text === null) return null
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return null
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}

/** What the list's SQL says of one customer, and the evidence read for it. */
export interface CustomerSignalFacts {
  lowAlive: boolean
  detractor: boolean
  complaint: boolean
  probabilityAlive: number | null
  threshold: number
  fit: { id: string; createdAt: string } | null
  /** The customer's negative answers since the last contact, newest first. */
  answers: readonly RiskAnswerEvidence[]
}

/** The most answers shown as evidence of one signal. */
export const evidencePerSignal = 3

/**
 * A customer's signals in a fixed order (the value signal first, then the survey ones), each with its evidence:
 * the fit's P(alive), the negative answers, the negative answers that came with a comment.
 *
 * @example
 * riskSignals({ lowAlive: true, probabilityAlive: 0.2, threshold: 0.5, fit, detractor: false, complaint: false, answers: [] })
 * // [{ kind: 'low-p-alive', probabilityAlive: 0.2, threshold: 0.5, fitId: fit.id, fitCreatedAt: fit.createdAt }]
 */
export function riskSignals(facts: CustomerSignalFacts): RiskSignal[] {
  const signals: RiskSignal[] = []
  if (facts.lowAlive && facts.fit && facts.probabilityAlive !== null)
    signals.push({
      kind: 'low-p-alive',
      probabilityAlive: facts.probabilityAlive,
      threshold: facts.threshold,
      fitId: facts.fit.id,
      fitCreatedAt: facts.fit.createdAt,
    })
  if (facts.detractor) signals.push({ kind: 'recent-detractor', answers: facts.answers.slice(0, evidencePerSignal) })
  if (facts.complaint)
    signals.push({
      kind: 'unanswered-complaint',
      answers: facts.answers.filter((answer) => answer.comment !== null).slice(0, evidencePerSignal),
    })
  return signals
}

/** The signals' kinds, for a CSV cell or a filter. */
export function signalKinds(signals: readonly RiskSignal[]): RiskSignalKind[] {
  return signals.map((signal) => signal.kind)
}

/** How the list is ordered; the response says so in these words. */
export const rankingRule =
  'value at stake (CLV × (1 − P(alive)) of the latest fit), highest first; customers without a score (no fit, ' +
  'or no purchase before it) follow every scored one, by number of signals, then latest signal first'
