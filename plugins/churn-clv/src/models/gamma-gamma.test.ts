import { describe, expect, it } from 'vitest'
import { gammaGammaExpectedSpend } from './gamma-gamma.js'

const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 }

describe('Gamma-Gamma expected spend', () => {
  it('is the population mean p·γ/(q − 1) without repeat purchases', () => {
    expect(gammaGammaExpectedSpend(cdnow, { x: 0, mean: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 10)
  })

  it('moves from the population mean towards the customer’s own mean as purchases add up', () => {
    const population = (6.25 * 15.44) / 2.74
    const few = gammaGammaExpectedSpend(cdnow, { x: 1, mean: 100 })
    const many = gammaGammaExpectedSpend(cdnow, { x: 50, mean: 100 })
    expect(few).toBeGreaterThan(population)
    expect(many).toBeGreaterThan(few)
    expect(many).toBeLessThan(100)
    // The weight on the own mean is p·x / (p·x + q − 1).
    const weight = (6.25 * 50) / (6.25 * 50 + 2.74)
    expect(many).toBeCloseTo(weight * 100 + (1 - weight) * population, 10)
  })
})
