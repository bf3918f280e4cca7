import type { SurvivalResponse } from '../survival/survival-schema.js'

type Steps = SurvivalResponse['groups'][number]['steps']

/** The drawing box of the curves, in SVG units. */
export interface PlotBox {
  width: number
  height: number
  /** The longest lifetime on the x axis (days). */
  maxTime: number
}

const x = (box: PlotBox, time: number) => (box.maxTime > 0 ? (time / box.maxTime) * box.width : 0)
const y = (box: PlotBox, share: number) => (1 - share) * box.height
const point = (box: PlotBox, time: number, share: number) => `${x(box, time).toFixed(2)},${y(box, share).toFixed(2)}`

/**
 * A Kaplan–Meier curve as an SVG path: a step function that starts at 1 on day 0, drops at each event
 * time and runs on to the last lifetime seen (censorings do not drop it).
 *
 * @example
 * stepPath([{ time: 10, survival: 0.5, … }], { width: 100, height: 100, maxTime: 20 }) // 'M0.00,0.00 H50.00 V50.00 …'
 */
export function stepPath(steps: Steps, box: PlotBox): string {
  let path = `M${point(box, 0, 1)}`
  for (const step of steps) path += ` H${x(box, step.time).toFixed(2)} V${y(box, step.survival).toFixed(2)}`
  const end = steps.at(-1)?.time ?? 0
  return `${path} H${x(box, end).toFixed(2)}`
}

/**
 * The 95 % band of a curve as a closed SVG polygon: the upper bound as a step function forward, the lower
 * bound back, each step held until the next time (a pointwise band is flat between event times).
 *
 * @example
 * bandPolygon(curve.steps, box) // '0.00,0.00 50.00,0.00 50.00,12.30 …'
 */
export function bandPolygon(steps: Steps, box: PlotBox): string {
  const upper: string[] = [point(box, 0, 1)]
  const lower: string[] = [point(box, 0, 1)]
  let previousUpper = 1
  let previousLower = 1
  for (const step of steps) {
    upper.push(point(box, step.time, previousUpper), point(box, step.time, step.upper))
    lower.push(point(box, step.time, previousLower), point(box, step.time, step.lower))
    previousUpper = step.upper
    previousLower = step.lower
  }
  return [...upper, ...lower.reverse()].join(' ')
}
