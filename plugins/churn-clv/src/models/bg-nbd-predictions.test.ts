import { describe, expect, it } from 'vitest'
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './bg-nbd-predictions.js'
import { hyp2f1 } from './log-space.js'

const cdnow = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }

describe('BG/NBD predictions with the published CDNOW parameters (weeks)', () => {
  it('expects 1.226 purchases in the next 39 weeks from customer 1 (x 2, tx 30.43, T 38.86), as FHL 2005 report', () => {
    expect(bgNbdConditionalExpectedPurchases(cdnow, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 2)
  })

  it('P(alive) is 1 without a repeat purchase and falls as the last purchase recedes', () => {
    expect(bgNbdProbabilityAlive(cdnow, { x: 0, tx: 0, T: 38.86 })).toBe(1)
    const recent = bgNbdProbabilityAlive(cdnow, { x: 2, tx: 38, T: 38.86 })
    const long = bgNbdProbabilityAlive(cdnow, { x: 2, tx: 5, T: 38.86 })
    expect(long).toBeLessThan(recent)
    // By hand: 1 / (1 + a/(b + x − 1) · ((α + T)/(α + tx))^(r + x)).
    expect(long).toBeCloseTo(1 / (1 + (0.7929 / 3.4258) * (43.2735 / 9.4135) ** 2.2426), 12)
  })

  it('P(X(t) = n) sums to one and its mean is E[X(t)]', () => {
    let total = 0
    let mean = 0
    for (let n = 0; n < 400; n++) {
      const p = bgNbdProbabilityOfPurchases(cdnow, 39, n)
      total += p
      mean += n * p
    }
    expect(total).toBeCloseTo(1, 8)
    expect(mean).toBeCloseTo(bgNbdExpectedPurchases(cdnow, 39), 6)
  })

  it('the hypergeometric function matches published values in the region the models use', () => {
    // Abramowitz & Stegun 15.1.3: 2F1(1, 1; 2; z) = −ln(1 − z)/z; 15.1.4: 2F1(1/2, 1; 3/2; z²) = atanh(z)/z.
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12)
      expect(hyp2f1(0.5, 1, 1.5, z * z)).toBeCloseTo(Math.atanh(z) / z, 12)
    }
  })
})
