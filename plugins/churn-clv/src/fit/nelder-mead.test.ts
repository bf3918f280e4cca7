import { describe, expect, it } from 'vitest'
import { bfgs } from './bfgs.js'
import { invertPositiveDefinite, numericalHessian } from './hessian.js'
import { nelderMead } from './nelder-mead.js'

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock valley from the classic poor start', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2
    const found = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-14 })
    expect(found.converged).toBe(true)
    expect(found.point[0]).toBeCloseTo(1, 4)
    expect(found.point[1]).toBeCloseTo(1, 4)
  })

  it('retreats from points where the function is not finite', () => {
    const logBarrier = ([x]: number[]) => (x! - 2) ** 2 - Math.log(x!) // NaN for x < 0
    const found = nelderMead(logBarrier, [0.1])
    expect(found.point[0]).toBeCloseTo(1 + Math.sqrt(1.5), 4)
  })

  it('stops at its evaluation budget and says it did not converge', () => {
    const found = nelderMead(([x, y]) => x! ** 2 + y! ** 2, [100, 100], { maxEvaluations: 10 })
    expect(found.converged).toBe(false)
    expect(found.evaluations).toBeLessThanOrEqual(12)
  })
})

describe('numerical Hessian and its inverse', () => {
  it('gives the second derivatives of x²y at (1, 2)', () => {
    const h = numericalHessian(([x, y]) => x! * x! * y!, [1, 2])
    expect(h[0]![0]).toBeCloseTo(4, 5)
    expect(h[0]![1]).toBeCloseTo(2, 5)
    expect(h[1]![0]).toBeCloseTo(2, 5)
    expect(h[1]![1]).toBeCloseTo(0, 5)
  })

  it('inverts a positive-definite matrix and refuses an indefinite one', () => {
    const inverse = invertPositiveDefinite([
      [4, 2],
      [2, 3],
    ])!
    // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8
    expect(inverse[0]![0]).toBeCloseTo(3 / 8, 12)
    expect(inverse[0]![1]).toBeCloseTo(-2 / 8, 12)
    expect(inverse[1]![1]).toBeCloseTo(4 / 8, 12)
    expect(
      invertPositiveDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull()
  })
})

describe('BFGS', () => {
  it('finds the Rosenbrock minimum with its gradient in far fewer evaluations than the simplex', () => {
    const rosenbrock = ([x, y]: number[]) => ({
      value: 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2,
      gradient: [-400 * x! * (y! - x! * x!) - 2 * (1 - x!), 200 * (y! - x! * x!)],
    })
    const found = bfgs(rosenbrock, [-1.2, 1], { tolerance: 1e-10 })
    expect(found.converged).toBe(true)
    expect(found.point[0]).toBeCloseTo(1, 6)
    expect(found.point[1]).toBeCloseTo(1, 6)
    expect(found.evaluations).toBeLessThan(200)
  })

  it('shortens steps into regions where the function is not finite', () => {
    const barrier = ([x]: number[]) => ({ value: (x! - 2) ** 2 - Math.log(x!), gradient: [2 * (x! - 2) - 1 / x!] })
    const found = bfgs(barrier, [0.1])
    expect(found.converged).toBe(true)
    expect(found.point[0]).toBeCloseTo(1 + Math.sqrt(1.5), 6)
  })
})
