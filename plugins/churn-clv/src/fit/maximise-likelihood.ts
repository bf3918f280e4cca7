import { CxError } from '@cxkit/core'
import { invertPositiveDefinite, numericalHessian } from './hessian.js'
import { bfgs } from './bfgs.js'
import { nelderMead } from './nelder-mead.js'

/** A maximum-likelihood fit: estimates with standard errors, the log-likelihood and the work it took. */
export interface LikelihoodFit<P extends Record<string, number>> {
  parameters: P
  /** Asymptotic standard errors from the inverse of the observed information (the negative Hessian). */
  standardErrors: P
  /** That inverse itself: the estimates' asymptotic covariance, by parameter name (`covariance.r.alpha`). */
  covariance: Record<keyof P & string, Record<keyof P & string, number>>
  logLikelihood: number
  evaluations: number
}

/**
 * Maximises a log-likelihood over positive parameters. The search runs on log-parameters (so no bound
 * is ever crossed). With a gradient it runs BFGS from each start; without one, or where BFGS stalls,
 * Nelder–Mead, restarted from its best point until the value stops improving: a fresh simplex escapes
 * the collapsed ones Nelder–Mead can leave behind from a poor start. Standard errors come from the
 * `hessian` of the log-likelihood when given, else from central differences of it.
 *
 * @example
 * maximiseLikelihood(['r', 'alpha'], ({ r, alpha }) => ll(r, alpha), [{ r: 1, alpha: 1 }])
 */
export function maximiseLikelihood<const K extends string>(
  names: readonly K[],
  logLikelihood: (params: Record<K, number>) => number,
  starts: readonly Record<K, number>[],
  withGradient?: (params: Record<K, number>) => { value: number; gradient: Record<K, number> },
  hessian?: (params: Record<K, number>) => number[][],
): LikelihoodFit<Record<K, number>> {
  const toParams = (logs: number[]) =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(logs[i]!)])) as Record<K, number>
  // Past e^±40 a parameter only means the search has run off to a boundary, where sums of huge
  // logarithms lose every digit: treat it as no likelihood at all.
  const outOfRange = (logs: number[]) => logs.some((v) => !(Math.abs(v) <= 40))
  const objective = (logs: number[]) => (outOfRange(logs) ? Number.NaN : -logLikelihood(toParams(logs)))
  // On log-parameters the chain rule multiplies each derivative by its parameter.
  const objectiveWithGradient =
    withGradient &&
    ((logs: number[]) => {
      if (outOfRange(logs)) return { value: Number.NaN, gradient: logs.map(() => Number.NaN) }
      const params = toParams(logs)
      const { value, gradient } = withGradient(params)
      return { value: -value, gradient: names.map((name) => -gradient[name] * params[name]) }
    })
  let evaluations = 0
  let best: { point: number[]; value: number } | null = null
  let bestFromGradient = false
  let bestStart: number[] = []
  for (const start of starts) {
    const logs = names.map((name) => Math.log(start[name]))
    const viaGradient = objectiveWithGradient ? bfgs(objectiveWithGradient, logs) : null
    // A gradient search that ends beyond e^±20 has followed a ridge to a boundary (a, b → ∞ is "one
    // dropout probability for all"); such a limit is no estimate, so the simplex searches from the start.
    const accepted = viaGradient?.converged && viaGradient.point.every((v) => Math.abs(v) <= 20)
    const found = accepted ? viaGradient : nelderMead(objective, logs)
    evaluations += (viaGradient?.evaluations ?? 0) + (found === viaGradient ? 0 : found.evaluations)
    if (!best || found.value < best.value) {
      best = found
      bestFromGradient = found === viaGradient
      bestStart = logs
    }
  }
  const polish = (from: { point: number[]; value: number }) => {
    let polishedBest = from
    for (let round = 0; round < 10; round++) {
      const polished = nelderMead(objective, polishedBest.point, { step: 0.05 })
      evaluations += polished.evaluations
      const improved = polishedBest.value - polished.value
      if (polished.value < polishedBest.value) polishedBest = polished
      if (!(improved > 1e-7 * (1 + Math.abs(polishedBest.value)))) break
    }
    return polishedBest
  }
  if (best && !bestFromGradient) best = polish(best)
  if (!best || !Number.isFinite(best.value))
    throw new CxError('CXKIT_CLV_FIT_FAILED', 'the likelihood is not finite anywhere the search went', { status: 422 })
  const natural = (values: number[]) =>
    -logLikelihood(Object.fromEntries(names.map((name, i) => [name, values[i]!])) as Record<K, number>)
  // The observed information is the negative Hessian of the log-likelihood: analytic where the model has one.
  const informationAt = (point: number[]) =>
    hessian ? hessian(toParams(point)).map((row) => row.map((v) => -v)) : numericalHessian(natural, point.map(Math.exp))
  const covarianceAt = (point: number[]) => invertPositiveDefinite(informationAt(point))
  let covariance = covarianceAt(best.point)
  // A gradient search can run onto a plateau towards a boundary (say a → 0, b → ∞) where the gradient
  // vanishes without a maximum; the curvature says so. The simplex then searches again from the start.
  if (!covariance && bestFromGradient) {
    const again = polish(nelderMead(objective, bestStart))
    if (again.value < best.value || !covarianceAt(best.point)) best = again
    covariance = covarianceAt(best.point)
  }
  const parameters = toParams(best.point)
  if (!covariance)
    throw new CxError(
      'CXKIT_CLV_FIT_FAILED',
      'the fit found no well-defined maximum (the likelihood is flat in some direction): the data cannot tell the parameters apart',
      { status: 422, details: { parameters } },
    )
  const standardErrors = Object.fromEntries(names.map((name, i) => [name, Math.sqrt(covariance[i]![i]!)])) as Record<
    K,
    number
  >
  // By name rather than by position: nothing that reads a stored fit has to know the order of the search.
  const named = Object.fromEntries(
    names.map((row, i) => [row, Object.fromEntries(names.map((column, j) => [column, covariance[i]![j]!]))]),
  ) as Record<K, Record<K, number>>
  return { parameters, standardErrors, covariance: named, logLikelihood: -best.value, evaluations }
}
