const units = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
] as const

/**
 * A duration in ms as its two largest units, for a terminal: `2 d 3 h`, `1 h 5 min`, `45 s`, `0 s`.
 *
 * @example
 * formatDuration(93_600_000) // '1 d 2 h'
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–'
  const parts: string[] = []
  let rest = Math.round(ms)
  for (const [unit, size] of units) {
    if (parts.length === 2) break
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit}`)
  }
  const shown = parts.filter((part) => !part.startsWith('0 '))
  return shown.length > 0 ? shown.join(' ') : ms > 0 ? `${Math.round(ms)} ms` : '0 s'
}
