/**
 * Round tick values from 0 to at least `max`, on the 1-2-5 series, about `count` of them: the axis
 * of a bar or line chart whose values start at zero.
 *
 * @example
 * niceTicks(1411) // [0, 500, 1000, 1500]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1]
  const rough = max / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const ticks: number[] = []
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < max; i++) ticks.push(Number((i * step).toPrecision(12)))
  return ticks
}

/**
 * A linear map from [0, domainMax] onto [0, rangeMax]; a flat domain maps everything to 0.
 *
 * @example
 * linear(1500, 200)(750) // 100
 */
export function linear(domainMax: number, rangeMax: number): (value: number) => number {
  return (value) => (domainMax > 0 ? (value / domainMax) * rangeMax : 0)
}

/**
 * An SVG path through points, y measured downwards from `height` (SVG's y grows downwards).
 *
 * @example
 * linePath([[0, 0], [10, 5]], 100) // 'M0.00,100.00 L10.00,95.00'
 */
export function linePath(points: readonly (readonly [number, number])[], height: number): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(2)},${(height - y).toFixed(2)}`).join(' ')
}
