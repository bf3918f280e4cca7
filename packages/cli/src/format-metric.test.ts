import { defineMetric } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { formatMetric } from './format-metric.js'

const duration = defineMetric({
  id: 'session-duration',
  label: { en: 'Mean session duration' },
  unit: 'duration',
  direction: 'neutral',
  compute: async () => ({ value: null, n: 0 }),
})

describe('formatMetric', () => {
  it('prints the counts a metric reports beside its value, under it', () => {
    const text = formatMetric(duration, {
      value: 66,
      n: 5,
      interval: null,
      counts: { sessions: 5, oneEventSessions: 2 },
    })
    expect(text).toBe('Mean session duration: 66.00  n = 5\n  sessions: 5\n  oneEventSessions: 2\n')
  })
})
