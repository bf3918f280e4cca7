/** A funnel's figures as the bench compares them: reached per step, median ms from the previous step. */
export interface FunnelFigures {
  entered: number
  reached: number[]
  medians: (number | null)[]
}

/** An event as the baseline streams it: customer, touchpoint, epoch ms. */
export type StreamedEvent = readonly [customer: string, touchpoint: string, ms: number | string]

/**
 * The baseline: the step events of every customer, streamed in customer order, counted in JavaScript
 * with the funnel's definition (first step-1 event as the anchor, then per step the earliest event no
 * earlier than the previous step's and at most `windowMs` after the anchor), medians by sorting.
 */
export async function countFunnelInJs(
  events: AsyncIterable<StreamedEvent> | Iterable<StreamedEvent>,
  stepOf: ReadonlyMap<string, number>,
  stepCount: number,
  windowMs: number,
): Promise<FunnelFigures> {
  const reached = new Array<number>(stepCount).fill(0)
  const gaps: number[][] = Array.from({ length: stepCount }, () => [])
  let current: string | undefined
  let times: number[][] = Array.from({ length: stepCount }, () => [])

  const finishCustomer = () => {
    const first = times[0]!
    if (first.length === 0) return
    const anchor = Math.min(...first)
    reached[0]!++
    let previous = anchor
    for (let step = 1; step < stepCount; step++) {
      let found = Number.POSITIVE_INFINITY
      for (const ms of times[step]!) if (ms >= previous && ms <= anchor + windowMs && ms < found) found = ms
      if (found === Number.POSITIVE_INFINITY) return
      reached[step]!++
      gaps[step]!.push(found - previous)
      previous = found
    }
  }

  for await (const [customer, touchpoint, ms] of events) {
    if (customer !== current) {
      if (current !== undefined) finishCustomer()
      current = customer
      times = Array.from({ length: stepCount }, () => [])
    }
    times[stepOf.get(touchpoint)!]!.push(Number(ms))
  }
  if (current !== undefined) finishCustomer()
  return { entered: reached[0]!, reached, medians: gaps.map((list, step) => (step === 0 ? null : medianOf(list))) }
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
