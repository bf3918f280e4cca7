import type { MinimumFound } from './nelder-mead.js'

/**
 * Minimises a smooth `f` with its gradient by BFGS (Nocedal & Wright, algorithm 6.1) with a
 * backtracking line search. A step into a region where `f` is not finite is shortened, never taken.
 * Converged when the gradient's largest component is below `tolerance` × (1 + |f|).
 *
 * @example
 * bfgs(([x, y]) => ({ value: (x! - 1) ** 2 + y! ** 2, gradient: [2 * (x! - 1), 2 * y!] }), [5, 5]).point // ≈ [1, 0]
 */
export function bfgs(
  f: (point: number[]) => { value: number; gradient: number[] },
  start: number[],
  options: { tolerance?: number; maxIterations?: number; maxStep?: number } = {},
): MinimumFound {
  const { tolerance = 1e-8, maxIterations = 500, maxStep = 1 } = options
  const dims = start.length
  let point = start
  let current = f(point)
  let evaluations = 1
  if (!Number.isFinite(current.value)) return { point, value: Number.POSITIVE_INFINITY, evaluations, converged: false }
  let inverse = identity(dims)
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (Math.max(...current.gradient.map(Math.abs)) <= tolerance * (1 + Math.abs(current.value)))
      return { point, value: current.value, evaluations, converged: true }
    let direction = inverse.map((row) => -row.reduce((sum, v, j) => sum + v * current.gradient[j]!, 0))
    let slope = direction.reduce((sum, d, i) => sum + d * current.gradient[i]!, 0)
    if (!(slope < 0)) {
      // The curvature estimate went bad: start again from steepest descent.
      inverse = identity(dims)
      direction = current.gradient.map((g) => -g)
      slope = -current.gradient.reduce((sum, g) => sum + g * g, 0)
    }
    // No step longer than `maxStep`: a first quasi-Newton step can otherwise leap across the space.
    const length = Math.sqrt(direction.reduce((sum, d) => sum + d * d, 0))
    let step = length > maxStep ? maxStep / length : 1
    let next: { value: number; gradient: number[] } | null = null
    let nextPoint = point
    for (let tries = 0; tries < 60; tries++, step /= 2) {
      nextPoint = point.map((v, i) => v + step * direction[i]!)
      const candidate = f(nextPoint)
      evaluations++
      if (Number.isFinite(candidate.value) && candidate.value <= current.value + 1e-4 * step * slope) {
        next = candidate
        break
      }
    }
    if (!next) return { point, value: current.value, evaluations, converged: false }
    const s = nextPoint.map((v, i) => v - point[i]!)
    const y = next.gradient.map((g, i) => g - current.gradient[i]!)
    const sy = s.reduce((sum, v, i) => sum + v * y[i]!, 0)
    if (sy > 1e-12) inverse = updateInverse(inverse, s, y, sy)
    point = nextPoint
    current = next
  }
  return { point, value: current.value, evaluations, converged: false }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function updateInverse(h: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy
  const hy = h.map((row) => row.reduce((sum, v, j) => sum + v * y[j]!, 0))
  const yhy = y.reduce((sum, v, i) => sum + v * hy[i]!, 0)
  return h.map((row, i) =>
    row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!),
  )
}
