import { describe, expect, it } from 'vitest'
import { readCdnowGroups } from '../../test/read-cdnow.js'
import { prepareBgNbdGroups } from './bg-nbd-groups.js'
import { bgNbdHessian } from './bg-nbd-hessian.js'
import { type BgNbdParameters, createBgNbdLogLikelihoodWithGradient } from './bg-nbd-likelihood.js'

const names = ['r', 'alpha', 'a', 'b'] as const

describe('the BG/NBD Hessian', () => {
  // Away from the maximum and at it (the published CDNOW estimates), where standard errors are read.
  for (const at of [
    { r: 0.5, alpha: 3, a: 1.2, b: 4 },
    { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 },
  ] satisfies BgNbdParameters[]) {
    it(`matches central differences of the analytic gradient on CDNOW at ${JSON.stringify(at)}`, () => {
      const groups = prepareBgNbdGroups(readCdnowGroups())
      const ll = createBgNbdLogLikelihoodWithGradient(groups)
      const hessian = bgNbdHessian(groups, at)
      names.forEach((row, i) => {
        const h = 1e-5 * at[row]
        const up = ll({ ...at, [row]: at[row] + h }).gradient
        const down = ll({ ...at, [row]: at[row] - h }).gradient
        names.forEach((column, j) => {
          const numeric = (up[column] - down[column]) / (2 * h)
          expect(Math.abs(hessian[i]![j]! - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)))
          expect(hessian[i]![j]).toBe(hessian[j]![i])
        })
        // A zero row would make the comparison empty: every parameter has curvature of its own.
        expect(hessian[i]![i]).toBeLessThan(-1)
      })
    })
  }
})
