import { describe, expect, it } from 'vitest'
import type { TouchpointScores } from '../../schema.js'
import { emotionRows } from './emotion-rows.js'

const stage = (id: string, position: number) => ({ id, label: { en: id }, position })
const content = (stageId: string, emotion: number | null) => ({
  stageId,
  actions: [],
  motivations: [],
  questions: [],
  painPoints: [],
  emotion,
  touchpointOrder: [],
})
const scores = {
  stages: [
    { id: 'purchase', value: 0.1, n: 30, interval: { lower: 0.04, upper: 0.25, level: 0.95 } },
    { id: 'delivery', value: null, n: 0, interval: null },
  ],
} as unknown as TouchpointScores

describe('the emotion curve’s rows', () => {
  it('joins belief and measured score per stage in the stages’ order and flags a disagreement', () => {
    const rows = emotionRows(
      [stage('delivery', 2), stage('purchase', 1)],
      [content('purchase', 2), content('delivery', -1)],
      scores,
      { worst: 0, best: 1 },
    )
    expect(rows.map((row) => [row.stage.id, row.belief, row.disagree])).toEqual([
      ['purchase', 2, true],
      ['delivery', -1, false],
    ])
    expect(rows[0]!.measured!.value).toBeCloseTo(-1.6)
    expect(rows[1]!.measured).toBeNull()
  })

  it('measures nothing on the emotion scale without a scale', () => {
    const [row] = emotionRows([stage('purchase', 1)], [content('purchase', 2)], scores, undefined)
    expect(row).toMatchObject({ measured: null, disagree: false, score: { n: 30 } })
  })
})
