import beta from '@stdlib/random-base-beta'
import exponential from '@stdlib/random-base-exponential'
import gamma from '@stdlib/random-base-gamma'
import randu from '@stdlib/random-base-randu'
import type { BgNbdParameters } from './bg-nbd-likelihood.js'
import type { RfmSummary } from './customer-summary.js'

/**
 * One simulated customer's purchase times after the first (which is at 0), up to their age T.
 * Each customer has a purchase rate λ ~ Gamma(r, rate α) and a dropout probability p ~ Beta(a, b);
 * purchases arrive as a Poisson process at rate λ, and after each repeat purchase the customer drops
 * out with probability p — the BG/NBD story. The same seed gives the same customers on every machine.
 *
 * @example
 * const next = createBgNbdSimulator({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 7)
 * next(39) // e.g. [3.2, 17.9]
 */
export function createBgNbdSimulator(params: BgNbdParameters, seed: number): (T: number) => number[] {
  const rate = gamma.factory(params.r, params.alpha, { seed })
  const dropout = beta.factory(params.a, params.b, { seed: seed + 1 })
  const gap = exponential.factory({ seed: seed + 2 })
  const uniform = randu.factory({ seed: seed + 3 })
  return (T) => {
    const lambda = rate()
    const p = dropout()
    const times: number[] = []
    for (let t = gap(lambda); t <= T; t += gap(lambda)) {
      times.push(t)
      if (uniform() < p) break
    }
    return times
  }
}

/**
 * Simulated BG/NBD summaries, one per customer, for parameter-recovery checks.
 *
 * @example
 * simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 1000, T: () => 39, seed: 7 })
 */
export function simulateBgNbd(
  params: BgNbdParameters,
  options: { customers: number; T: (customer: number) => number; seed: number },
): RfmSummary[] {
  const next = createBgNbdSimulator(params, options.seed)
  return Array.from({ length: options.customers }, (_, i) => {
    const T = options.T(i)
    const times = next(T)
    return { x: times.length, tx: times.at(-1) ?? 0, T }
  })
}
