import { describe, expect, it } from 'vitest'
import { paretoNbdConditionalExpectedPurchases } from './pareto-nbd-likelihood.js'
import { paretoNbdProbabilityOfPurchases } from './pareto-nbd-purchase-count.js'

const cdnow = { r: 0.5531, alpha: 10.5758, s: 0.6068, beta: 11.6691 }

describe('Pareto/NBD P(X(t) = x)', () => {
  for (const [name, params] of [
    ['the CDNOW fit (α < β)', cdnow],
    ['α > β', { r: 0.8, alpha: 20, s: 1.3, beta: 4 }],
  ] as const)
    it(`sums to one and has E[X(t)] as its mean, for ${name}`, () => {
      // E[X(t)] of a new customer: (rβ / (α(s − 1)))·(1 − (β/(β + t))^(s−1)), the conditional formula at x = T = 0.
      for (const t of [1, 39, 78]) {
        let total = 0
        let mean = 0
        for (let x = 0; x < 300; x++) {
          const p = paretoNbdProbabilityOfPurchases(params, t, x)
          expect(p).toBeGreaterThanOrEqual(-1e-12)
          total += p
          mean += x * p
        }
        expect(total).toBeCloseTo(1, 6)
        expect(mean).toBeCloseTo(paretoNbdConditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t), 4)
      }
    })

  it('P(X(t) = 0) by hand for s = 1, r = 1, α = β = 1, t = 1', () => {
    // λ, μ ~ Exp(1). No purchase in an active span d has probability E[e^{−λd}] = 1/(1 + d).
    // Alive at t = 1 (P = E[e^{−μ}] = 1/2) and no purchase: 1/2 · 1/2 = 1/4. Dropped out at τ < 1 (density
    // 1/(1 + τ)²) with no purchase before: ∫₀¹ (1 + τ)^{−3} dτ = 1/2 − 1/8 = 3/8. Total 5/8.
    expect(paretoNbdProbabilityOfPurchases({ r: 1, alpha: 1, s: 1, beta: 1 }, 1, 0)).toBeCloseTo(5 / 8, 10)
  })
})
