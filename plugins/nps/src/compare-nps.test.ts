import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, submitScores, type TestApp } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsPlugin } from './index.js'

describe('NPS compared with the previous period', () => {
  let test: TestApp
  const quarter = { from: '2026-01-01', to: '2026-04-01' }

  beforeAll(async () => {
    test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()] })
    // Previous 90 days (2025-10-03 … 2025-12-31): 25 promoters, 15 detractors → NPS 25.
    // This quarter: 36 promoters, 4 detractors → NPS 80.
    const previous = [...Array(25).fill(10), ...Array(15).fill(2)].map((score) => ({
      score,
      submittedAt: '2025-11-15T12:00:00Z',
    }))
    const current = [...Array(36).fill(9), ...Array(4).fill(6)].map((score) => ({
      score,
      submittedAt: '2026-02-15T12:00:00Z',
    }))
    await submitScores(test, 'nps', [...previous, ...current])
  })
  afterAll(async () => {
    await test.close()
  })

  it('reports the change and finds it significant', async () => {
    const response = await test.json<{ value: number; comparison: Record<string, unknown> }>(
      `/api/metrics/nps?workspace=${test.workspace}&from=${quarter.from}&to=${quarter.to}&compare=previous`,
    )
    expect(response.value).toBeCloseTo(80, 10)
    expect(response.comparison).toMatchObject({
      previous: { from: '2025-10-03T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', n: 40 },
      significant: true,
      warning: null,
    })
    expect(response.comparison.change as number).toBeCloseTo(55, 10)
    // SE before = √((0.625 + 0.375 − 0.25²) / 40)·100 = 15.31; now √((0.9 + 0.1 − 0.8²) / 40)·100 = 9.49;
    // z = 55 / √(15.31² + 9.49²) = 3.054 → two-sided p = 0.00226.
    expect(response.comparison.pValue as number).toBeCloseTo(0.00226, 4)
  })

  it('warns rather than judges when a period has too few answers', async () => {
    const result = await test.json<{ comparison: Record<string, unknown> }>(
      `/api/metrics/nps?workspace=${test.workspace}&from=2026-02-15&to=2026-02-16&compare=previous`,
    )
    expect(result.comparison).toMatchObject({ significant: false, pValue: null, warning: 'no-data' })
    const small = await test.json<{ comparison: Record<string, unknown> }>(
      `/api/metrics/nps?workspace=${test.workspace}&from=2025-11-15&to=2026-02-16&compare=previous`,
    )
    expect(small.comparison).toMatchObject({ warning: 'no-data' })
  })
})
