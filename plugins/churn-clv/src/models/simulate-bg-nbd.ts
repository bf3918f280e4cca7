import beta from '@stdlib/random-base-beta'
import exponential from '@stdlib/random-base-exponential'
import gamma from '@stdlib/random-base-gamma'
import randu from '@stdlib/random-base-randu'
import type { BgNbdParameters } from './bg-nbd-likelihood.js'
import type { RfmSummary } from './customer-summary.js'

/**
 * Draws customers from the BG/NBD story with a seeded generator: each has a purchase rate
 * λ ~ Gamma(r, rate α) and a dropout probability p ~ Beta(a, b); purchases arrive as a Poisson process
 * at rate λ from the first (at time 0) until T, and after each repeat purchase the customer drops out
 * with probability p. The same seed gives the same customers on every machine.
 *
 * @example
 * simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 1000, T: () => 39, seed: 7 })
 */
export function simulateBgNbd(
  params: BgNbdParameters,
  options: { customers: number; T: (customer: number) => number; seed: number },
): RfmSummary[] {
  const rate = gamma.factory(params.r, params.alpha, { seed: options.seed })
  const dropout = beta.factory(params.a, params.b, { seed: options.seed + 1 })
  const gap = exponential.factory({ seed: options.seed + 2 })
  const uniform = randu.factory({ seed: options.seed + 3 })
  const customers: RfmSummary[] = []
  for (let i = 0; i < options.customers; i++) {
    const lambda = rate()
    const p = dropout()
    const T = options.T(i)
    let t = 0
    let x = 0
    let tx = 0
    for (;;) {
      t += gap(lambda)
      if (t > T) break
      x++
      tx = t
      if (uniform() < p) break
    }
    customers.push({ x, tx, T })
  }
  return customers
}
