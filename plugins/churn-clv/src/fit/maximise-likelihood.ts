import { CxError } from '@cxkit/core'
import { invertPositiveDefinite, numericalHessian } from './hessian.js'
import { nelderMead } from './nelder-mead.js'

/** A maximum-likelihood fit: estimates with standard errors, the log-likelihood and the work it took. */
export interface LikelihoodFit<P extends Record<string, number>> {
  parameters: P
  /** Asymptotic standard errors from the inverse of the observed information (the negative Hessian). */
  standardErrors: P
  logLikelihood: number
  evaluations: number
}

/**
 * Maximises a log-likelihood over positive parameters. The search runs on log-parameters (so no bound
 * is ever crossed) from each start, then restarts from the best point until the value stops improving:
 * a fresh simplex escapes the collapsed ones Nelder–Mead can leave behind from a poor start.
 *
 * @example
 * maximiseLikelihood(['r', 'alpha'], ({ r, alpha }) => ll(r, alpha), [{ r: 1, alpha: 1 }])
 */
export function maximiseLikelihood<const K extends string>(
  names: readonly K[],
  logLikelihood: (params: Record<K, number>) => number,
  starts: readonly Record<K, number>[],
): LikelihoodFit<Record<K, number>> {
  const toParams = (logs: number[]) =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(logs[i]!)])) as Record<K, number>
  const objective = (logs: number[]) => -logLikelihood(toParams(logs))
  let evaluations = 0
  let best: { point: number[]; value: number } | null = null
  for (const start of starts) {
    const found = nelderMead(
      objective,
      names.map((name) => Math.log(start[name])),
    )
    evaluations += found.evaluations
    if (!best || found.value < best.value) best = found
  }
  for (let round = 0; best && round < 10; round++) {
    const polished = nelderMead(objective, best.point, { step: 0.05 })
    evaluations += polished.evaluations
    const improved = best.value - polished.value
    if (polished.value < best.value) best = polished
    if (!(improved > 1e-7 * (1 + Math.abs(best.value)))) break
  }
  if (!best || !Number.isFinite(best.value))
    throw new CxError('CXKIT_CLV_FIT_FAILED', 'the likelihood is not finite anywhere the search went', { status: 422 })
  const parameters = toParams(best.point)
  const natural = (values: number[]) =>
    -logLikelihood(Object.fromEntries(names.map((name, i) => [name, values[i]!])) as Record<K, number>)
  const covariance = invertPositiveDefinite(
    numericalHessian(
      natural,
      names.map((name) => parameters[name]),
    ),
  )
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
  return { parameters, standardErrors, logLikelihood: -best.value, evaluations }
}
