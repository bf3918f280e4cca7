import { describe, expect, it } from 'vitest'
import { readCdnowGroups } from '../../test/read-cdnow.js'
import { createBgNbdLogLikelihoodWithGradient, type BgNbdParameters } from './bg-nbd-likelihood.js'

describe('the BG/NBD gradient', () => {
  it('matches central differences of the log-likelihood on CDNOW, away from the maximum', () => {
    const ll = createBgNbdLogLikelihoodWithGradient(readCdnowGroups())
    const at: BgNbdParameters = { r: 0.5, alpha: 3, a: 1.2, b: 4 }
    const { gradient } = ll(at)
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const h = 1e-6 * at[name]
      const numeric = (ll({ ...at, [name]: at[name] + h }).value - ll({ ...at, [name]: at[name] - h }).value) / (2 * h)
      expect(gradient[name]).toBeCloseTo(numeric, 2)
      expect(Math.abs(gradient[name])).toBeGreaterThan(1)
    }
  })
})
