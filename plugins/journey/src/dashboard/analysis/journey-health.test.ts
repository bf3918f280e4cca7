import { describe, expect, it } from 'vitest'
import type { PainPoints, TouchpointScores } from '../../schema.js'
import type { FunnelResult } from './analysis-api.js'
import { stageHealth } from './journey-health.js'

const stages = [
  { id: 'awareness', labelEn: 'Awareness', position: 0 },
  { id: 'purchase', labelEn: 'Purchase', position: 1 },
]
const share = { value: 0.5, n: 40, interval: { lower: 0.35, upper: 0.65, level: 0.95 } }
const funnel = {
  total: {
    key: null,
    entered: 40,
    steps: [
      {
        index: 1,
        step: 'stage:awareness',
        reached: 40,
        conversion: share,
        stepConversion: share,
        dropOff: 0,
        medianMsFromPrevious: null,
      },
      {
        index: 2,
        step: 'stage:purchase',
        reached: 20,
        conversion: share,
        stepConversion: share,
        dropOff: 20,
        medianMsFromPrevious: 1,
      },
    ],
  },
} as unknown as FunnelResult
const scores = { stages: [{ id: 'purchase', value: 0.2, n: 30, interval: null }] } as unknown as TouchpointScores
const pain = (touchpointId: string, stageId: string | null) => ({ touchpointId, stageId, name: touchpointId })
const painPoints = {
  items: [pain('checkout', 'purchase'), pain('store', 'purchase'), pain('orphan', null)],
} as unknown as PainPoints

describe('the journey’s health per stage', () => {
  it('puts reach, score and the worst pain point of each stage side by side, in stage order', () => {
    const rows = stageHealth(stages, funnel, scores, painPoints)
    expect(rows.map((row) => row.stage.id)).toEqual(['awareness', 'purchase'])
    expect(rows.map((row) => row.reached?.reached)).toEqual([40, 20])
    expect(rows.map((row) => row.score?.n ?? null)).toEqual([null, 30])
    expect(rows.map((row) => row.painPoint?.touchpointId ?? null)).toEqual([null, 'checkout'])
  })

  it('leaves reach empty without a funnel (fewer than two stages)', () => {
    expect(stageHealth(stages.slice(0, 1), null, null, null)).toEqual([
      { stage: stages[0], reached: null, score: null, painPoint: null },
    ])
  })
})
