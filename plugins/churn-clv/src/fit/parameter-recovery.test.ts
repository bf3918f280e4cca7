import { describe, expect, it } from 'vitest'
import { simulateBgNbd } from '../models/simulate-bg-nbd.js'
import { fitBgNbd } from './fit-bg-nbd.js'

describe('BG/NBD parameter recovery', () => {
  it('gives back the parameters of 100,000 simulated customers within three standard errors', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 }
    // Customers joined over a year and a half, observed to week 78: ages from 1 to 78 weeks.
    const customers = simulateBgNbd(truth, { customers: 100_000, T: (i) => 1 + (i % 78), seed: 20_050_301 })
    const fit = fitBgNbd(customers.map((c) => ({ ...c, n: 1 })))
    expect(fit.customers).toBe(100_000)
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors[name]
      // A standard error that dwarfs the estimate would make the check empty.
      expect(se).toBeLessThan(0.1 * truth[name])
      expect(Math.abs(fit.parameters[name] - truth[name])).toBeLessThan(3 * se)
    }
  })

  it('refuses data that cannot support a fit, naming the counts', () => {
    const customers = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.7, b: 2.5 }, { customers: 40, T: () => 10, seed: 1 })
    expect(() => fitBgNbd(customers.map((c) => ({ ...c, n: 1 })))).toThrowError(
      expect.objectContaining({ code: 'CXKIT_CLV_INSUFFICIENT_DATA', message: expect.stringMatching(/40 customers/) }),
    )
  })
})
