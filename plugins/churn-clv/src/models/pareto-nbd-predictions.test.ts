import { describe, expect, it } from 'vitest'
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './pareto-nbd-likelihood.js'

const cdnow = { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.668 }

describe('Pareto/NBD with the CDNOW parameters (weeks)', () => {
  it('P(alive) is 1 at a purchase at T and falls as the last purchase recedes', () => {
    expect(paretoNbdProbabilityAlive(cdnow, { x: 2, tx: 38.86, T: 38.86 })).toBe(1)
    const recent = paretoNbdProbabilityAlive(cdnow, { x: 2, tx: 35, T: 38.86 })
    const long = paretoNbdProbabilityAlive(cdnow, { x: 2, tx: 5, T: 38.86 })
    expect(long).toBeLessThan(recent)
    expect(long).toBeGreaterThan(0)
  })

  it('gives the same likelihood on either side of α = β, where the hypergeometric branch switches', () => {
    const c = { x: 3, tx: 20, T: 38.86 }
    const below = paretoNbdLogLikelihood({ ...cdnow, alpha: 11.668 - 1e-9 }, c)
    const above = paretoNbdLogLikelihood({ ...cdnow, alpha: 11.668 + 1e-9 }, c)
    expect(below).toBeCloseTo(above, 6)
  })

  it('a new customer (x 0, T 0) expects the unconditional r·β/(α(s − 1))·(1 − (β/(β + t))^(s − 1))', () => {
    const t = 39
    const unconditional =
      ((cdnow.r * cdnow.beta) / (cdnow.alpha * (cdnow.s - 1))) * (1 - (cdnow.beta / (cdnow.beta + t)) ** (cdnow.s - 1))
    expect(paretoNbdConditionalExpectedPurchases(cdnow, { x: 0, tx: 0, T: 0 }, t)).toBeCloseTo(unconditional, 10)
  })
})
