import { npsQuestionType } from '@cxkit/plugin-nps'
import { describe, expect, it } from 'vitest'
import { negativeAnswerRules } from './negative-answer-rules.js'
import { commentExcerpt, riskSignals, valueAtStake } from './risk-model.js'
import type { RiskAnswerEvidence } from './risk-schemas.js'

const answer = (responseId: number, comment: string | null): RiskAnswerEvidence => ({
  responseId,
  questionType: 'nps',
  score: 3,
  scaleMax: 10,
  submittedAt: `2026-03-0${responseId}T10:00:00.000Z`,
  comment,
})

describe('valueAtStake', () => {
  it('is CLV × (1 − P(alive)), and null without a score rather than zero', () => {
    // 400 × (1 − 0.25) = 300; 1000 × (1 − 0.9) = 100 (to rounding).
    expect(valueAtStake(400, 0.25)).toBe(300)
    expect(valueAtStake(1000, 0.9)).toBeCloseTo(100, 10)
    expect(valueAtStake(0, 0.1)).toBe(0)
    expect(valueAtStake(null, null)).toBeNull()
    expect(valueAtStake(120, null)).toBeNull()
  })
})

describe('negativeAnswerRules', () => {
  const types = [npsQuestionType, { id: 'csat' }, { id: 'ces' }, { id: 'open' }]

  it("takes NPS's detractors from its score groups and mirrors CSAT's top boxes and CES's easy side", () => {
    // Defaults: top 2 boxes satisfied (4–5) → 1–2 negative; easy from 5 (5–7) → 1–3 hard.
    expect(negativeAnswerRules({ questionTypes: types, csat: { topBoxes: 2 }, ces: { easyFrom: 5 } })).toEqual([
      { questionType: 'nps', maxScore: 6 },
      { questionType: 'csat', maxScore: 2 },
      { questionType: 'ces', maxScore: 3 },
    ])
    // A workspace counting only the top box and easy from 6: 1 negative, 1–2 hard.
    expect(negativeAnswerRules({ questionTypes: types, csat: { topBoxes: 1 }, ces: { easyFrom: 6 } })).toEqual([
      { questionType: 'nps', maxScore: 6 },
      { questionType: 'csat', maxScore: 1 },
      { questionType: 'ces', maxScore: 2 },
    ])
  })

  it('has no rule for a type that is not enabled or whose metric is not', () => {
    expect(negativeAnswerRules({ questionTypes: [{ id: 'open' }], csat: { topBoxes: 2 } })).toEqual([])
    expect(negativeAnswerRules({ questionTypes: types })).toEqual([{ questionType: 'nps', maxScore: 6 }])
  })
})

describe('commentExcerpt', () => {
  it('collapses whitespace, drops blank comments and cuts long ones at a word', () => {
    expect(commentExcerpt('  Never \n again.  ')).toBe('Never again.')
    expect(commentExcerpt('   ')).toBeNull()
    expect(commentExcerpt(null)).toBeNull()
    // 'aaaa bbbb cccc' cut to 10: 'aaaa bbbb' (9 characters) ends at the space before 'cccc'.
    expect(commentExcerpt('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…')
    expect(commentExcerpt('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})

describe('riskSignals', () => {
  const fit = { id: 'fit-1', createdAt: '2026-03-10T00:00:00.000Z' }

  it('lists the value signal first, then the survey ones, each with its evidence', () => {
    const answers = [answer(3, null), answer(2, 'Slow delivery'), answer(1, null)]
    expect(
      riskSignals({
        lowAlive: true,
        detractor: true,
        complaint: true,
        probabilityAlive: 0.2,
        threshold: 0.5,
        fit,
        answers,
      }),
    ).toEqual([
      { kind: 'low-p-alive', probabilityAlive: 0.2, threshold: 0.5, fitId: 'fit-1', fitCreatedAt: fit.createdAt },
      { kind: 'recent-detractor', answers },
      { kind: 'unanswered-complaint', answers: [answers[1]] },
    ])
  })

  it('shows at most three answers per signal', () => {
    const answers = [5, 4, 3, 2, 1].map((id) => answer(id, `comment ${id}`))
    const [detractor, complaint] = riskSignals({
      lowAlive: false,
      detractor: true,
      complaint: true,
      probabilityAlive: null,
      threshold: 0.5,
      fit: null,
      answers,
    })
    expect(detractor).toEqual({ kind: 'recent-detractor', answers: answers.slice(0, 3) })
    expect(complaint).toEqual({ kind: 'unanswered-complaint', answers: answers.slice(0, 3) })
  })
})
