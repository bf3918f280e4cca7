/**
 * The Hessian of `f` at `point` by central differences, with a step relative to each coordinate.
 *
 * @example
 * numericalHessian(([x, y]) => x! * x! * y!, [1, 2]) // ≈ [[4, 2], [2, 0]]
 */
export function numericalHessian(f: (point: number[]) => number, point: number[], relativeStep = 1e-4): number[][] {
  const h = point.map((v) => relativeStep * Math.max(1, Math.abs(v)))
  const at = (shifts: [number, number][]) =>
    f(point.map((v, i) => v + shifts.reduce((s, [k, d]) => (k === i ? s + d : s), 0)))
  const centre = f(point)
  return point.map((_, i) =>
    point.map((_, j) => {
      if (i === j) return (at([[i, h[i]!]]) - 2 * centre + at([[i, -h[i]!]])) / (h[i]! * h[i]!)
      return (
        (at([
          [i, h[i]!],
          [j, h[j]!],
        ]) -
          at([
            [i, h[i]!],
            [j, -h[j]!],
          ]) -
          at([
            [i, -h[i]!],
            [j, h[j]!],
          ]) +
          at([
            [i, -h[i]!],
            [j, -h[j]!],
          ])) /
        (4 * h[i]! * h[j]!)
      )
    }),
  )
}

/**
 * The inverse of a symmetric positive-definite matrix by Cholesky, or null when it is not positive
 * definite (then a likelihood's curvature cannot give standard errors).
 *
 * @example
 * invertPositiveDefinite([[4, 0], [0, 2]]) // [[0.25, 0], [0, 0.5]]
 */
export function invertPositiveDefinite(matrix: number[][]): number[][] | null {
  const n = matrix.length
  const l = matrix.map(() => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!
      if (i === j) {
        if (!(sum > 0)) return null
        l[i]![i] = Math.sqrt(sum)
      } else l[i]![j] = sum / l[j]![j]!
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inverse = matrix.map(() => new Array<number>(n).fill(0))
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0
      for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!
      y[i] = sum / l[i]![i]!
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!
      for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * inverse[k]![col]!
      inverse[i]![col] = sum / l[i]![i]!
    }
  }
  return inverse
}
