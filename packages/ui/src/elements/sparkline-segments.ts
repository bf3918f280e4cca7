/**
 * The polyline points (`"x,y x,y …"`) of a sparkline drawn in a `width` × `height` box. Values are
 * spread evenly left to right and scaled between their own minimum and maximum (a flat series sits in
 * the middle). A missing value (a period without answers) breaks the line rather than drawing a
 * made-up zero, so the result is one point list per unbroken run.
 */
export function sparklineSegments(
  values: readonly (number | null)[],
  width: number,
  height: number,
  inset = 2,
): string[] {
  const present = values.filter((value): value is number => value !== null)
  if (present.length === 0) return []
  const min = Math.min(...present)
  const max = Math.max(...present)
  const step = values.length > 1 ? (width - 2 * inset) / (values.length - 1) : 0
  const y = (value: number) =>
    max === min ? height / 2 : inset + (1 - (value - min) / (max - min)) * (height - 2 * inset)
  const round = (n: number) => Math.round(n * 10) / 10
  const segments: string[] = []
  let current: string[] = []
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current.join(' '))
      current = []
      return
    }
    current.push(`${round(inset + index * step)},${round(y(value))}`)
  })
  if (current.length > 0) segments.push(current.join(' '))
  return segments
}
