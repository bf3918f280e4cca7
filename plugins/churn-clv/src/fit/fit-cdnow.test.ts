import { describe, expect, it } from 'vitest'
import { readCdnowGroups, readCdnowSpends } from '../../test/read-cdnow.js'
import { fitBgNbd } from './fit-bg-nbd.js'
import { fitGammaGamma } from './fit-gamma-gamma.js'
import { fitParetoNbd } from './fit-pareto-nbd.js'

const withinOnePercent = (actual: number, published: number) =>
  expect(Math.abs(actual - published) / Math.abs(published)).toBeLessThan(0.01)

describe('the CDNOW sample reproduces the published fits (weeks, calibration to 1997-09-30)', () => {
  const groups = readCdnowGroups()

  it('BG/NBD: r 0.2426, α 4.4135, a 0.7929, b 2.4258, log-likelihood −9582.4', () => {
    const fit = fitBgNbd(groups)
    withinOnePercent(fit.parameters.r, 0.2426)
    withinOnePercent(fit.parameters.alpha, 4.4135)
    withinOnePercent(fit.parameters.a, 0.7929)
    withinOnePercent(fit.parameters.b, 2.4258)
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0)
    expect(fit.customers).toBe(2357)
    expect(fit.repeatCustomers).toBe(946)
    for (const se of Object.values(fit.standardErrors)) expect(se).toBeGreaterThan(0)
  })

  it('BG/NBD converges to the same maximum from poor starting points', () => {
    for (const start of [
      { r: 50, alpha: 0.01, a: 20, b: 0.05 },
      { r: 0.001, alpha: 1000, a: 0.01, b: 100 },
      { r: 5, alpha: 5, a: 5, b: 5 },
    ]) {
      const fit = fitBgNbd(groups, [start])
      withinOnePercent(fit.parameters.r, 0.2426)
      withinOnePercent(fit.parameters.b, 2.4258)
      expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0)
    }
  })

  it('Gamma-Gamma on the 946 repeat customers: p 6.25, q 3.74, γ 15.44', () => {
    const fit = fitGammaGamma(readCdnowSpends())
    expect(fit.customers).toBe(946)
    withinOnePercent(fit.parameters.p, 6.25)
    withinOnePercent(fit.parameters.q, 3.74)
    withinOnePercent(fit.parameters.gamma, 15.44)
  })

  it('Pareto/NBD: r 0.55, α 10.58, s 0.61, β 11.67, log-likelihood −9595.0, below BG/NBD', () => {
    const fit = fitParetoNbd(groups)
    // Fader, Hardie & Lee 2005 report two decimals; CLVTools' CDNOW test pins r 0.55313, α 10.5758, s 0.60682.
    withinOnePercent(fit.parameters.r, 0.55313)
    withinOnePercent(fit.parameters.alpha, 10.5758)
    withinOnePercent(fit.parameters.s, 0.60682)
    withinOnePercent(fit.parameters.beta, 11.67)
    expect(fit.logLikelihood).toBeCloseTo(-9594.976, 1)
    expect(fit.logLikelihood).toBeLessThan(fitBgNbd(groups).logLikelihood)
  })
})
