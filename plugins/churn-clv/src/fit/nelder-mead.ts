/** Where a minimisation stopped and why. */
export interface MinimumFound {
  point: number[]
  value: number
  evaluations: number
  converged: boolean
}

/** Stopping rules; the defaults suit smooth likelihoods of a handful of log-parameters. */
export interface NelderMeadOptions {
  /** Initial simplex step along each axis. */
  step?: number
  /** Stop when the simplex's values and points both spread less than this. */
  tolerance?: number
  maxEvaluations?: number
}

/**
 * Minimises `f` by the Nelder–Mead simplex method (adaptive coefficients of Gao & Han 2012, which keep
 * it working past two or three dimensions). Non-finite values count as +∞, so the search simply
 * retreats from regions where a likelihood is undefined.
 *
 * @example
 * nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).point // ≈ [1, −2]
 */
export function nelderMead(
  f: (point: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): MinimumFound {
  const { step = 0.5, tolerance = 1e-9, maxEvaluations = 5000 } = options
  const dims = start.length
  const [reflect, expand, contract, shrink] = [1, 1 + 2 / dims, 0.75 - 1 / (2 * dims), 1 - 1 / dims]
  let evaluations = 0
  const value = (point: number[]) => {
    evaluations++
    const v = f(point)
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY
  }
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((point) => ({
    point,
    value: value(point),
  }))
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v))
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.value - q.value)
    const best = simplex[0]!
    const worst = simplex[dims]!
    const spread = Math.max(...simplex.map((s) => Math.max(...s.point.map((v, i) => Math.abs(v - best.point[i]!)))))
    if (Math.abs(worst.value - best.value) <= tolerance * (1 + Math.abs(best.value)) && spread <= Math.sqrt(tolerance))
      return { point: best.point, value: best.value, evaluations, converged: true }
    const centroid = start.map((_, i) => simplex.slice(0, dims).reduce((sum, s) => sum + s.point[i]!, 0) / dims)
    const reflected = along(centroid, worst.point, -reflect)
    const reflectedValue = value(reflected)
    const secondWorst = simplex[dims - 1]!.value
    if (reflectedValue < best.value) {
      const expanded = along(centroid, worst.point, -expand)
      const expandedValue = value(expanded)
      simplex[dims] =
        expandedValue < reflectedValue
          ? { point: expanded, value: expandedValue }
          : { point: reflected, value: reflectedValue }
      continue
    }
    if (reflectedValue < secondWorst) {
      simplex[dims] = { point: reflected, value: reflectedValue }
      continue
    }
    const outside = reflectedValue < worst.value
    const contracted = outside ? along(centroid, reflected, contract) : along(centroid, worst.point, contract)
    const contractedValue = value(contracted)
    if (contractedValue < Math.min(reflectedValue, worst.value)) {
      simplex[dims] = { point: contracted, value: contractedValue }
      continue
    }
    simplex = simplex.map((s, i) => {
      if (i === 0) return s
      const point = along(best.point, s.point, shrink)
      return { point, value: value(point) }
    })
  }
  simplex.sort((p, q) => p.value - q.value)
  return { point: simplex[0]!.point, value: simplex[0]!.value, evaluations, converged: false }
}
