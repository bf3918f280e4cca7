import { CxValidationError } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { periodBuckets } from './period-buckets.js'

describe('period buckets', () => {
  it('cuts at ISO weeks (Monday) and clips the first and last bucket to the period', () => {
    // 2026-03-04 is a Wednesday; the next Mondays are 9 and 16 March.
    expect(periodBuckets({ from: '2026-03-04T00:00:00.000Z', to: '2026-03-18T12:00:00.000Z' }, 'week')).toEqual([
      { from: '2026-03-04T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
      { from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' },
      { from: '2026-03-16T00:00:00.000Z', to: '2026-03-18T12:00:00.000Z' },
    ])
  })

  it('cuts at quarters across a year end', () => {
    expect(periodBuckets({ from: '2025-11-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }, 'quarter')).toEqual([
      { from: '2025-11-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
      { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    ])
  })

  it('refuses more sub-periods than it computes', () => {
    expect(() => periodBuckets({ from: '2020-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }, 'day')).toThrow(
      CxValidationError,
    )
  })
})
