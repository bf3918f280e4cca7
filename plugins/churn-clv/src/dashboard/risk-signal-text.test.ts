import { describe, expect, it } from 'vitest'
import type { RiskAnswerEvidence } from '../risk/risk-schemas.js'
import { signalText } from './risk-signal-text.js'

const date = (iso: string) => iso.slice(0, 10)
const share = (n: number) => n.toFixed(2)
const answer = (score: number, comment: string | null): RiskAnswerEvidence => ({
  responseId: score,
  questionType: 'nps',
  score,
  scaleMax: 10,
  submittedAt: `2026-11-2${score}T09:00:00.000Z`,
  comment,
})

describe('signalText', () => {
  it("shows P(alive) against the threshold and the fit's date", () => {
    const text = signalText(
      { kind: 'low-p-alive', probabilityAlive: 0.25, threshold: 0.5, fitId: 'f', fitCreatedAt: '2026-11-28T00:00:00Z' },
      date,
      share,
    )
    expect(text).toEqual({
      label: 'churn-clv:signal.low-p-alive',
      evidence: { key: 'churn-clv:evidence.low-p-alive', values: { p: '0.25', threshold: '0.50', date: '2026-11-28' } },
      comment: null,
    })
  })

  it('shows the newest answer with its scale, how many more, and a complaint with its words', () => {
    const detractor = signalText({ kind: 'recent-detractor', answers: [answer(3, null), answer(2, null)] }, date, share)
    expect(detractor.evidence).toEqual({
      key: 'churn-clv:evidence.answersMore',
      values: { type: 'NPS', score: '3/10', date: '2026-11-23', more: 1 },
    })
    expect(detractor.comment).toBeNull()
    const complaint = signalText({ kind: 'unanswered-complaint', answers: [answer(4, 'Too slow')] }, date, share)
    expect(complaint.evidence.key).toBe('churn-clv:evidence.answer')
    expect(complaint.comment).toBe('Too slow')
  })
})
