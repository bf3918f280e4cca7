/**
 * Prints a measuring process's figures as its one JSON line: rows, milliseconds since `start`, rows per
 * second and the process's peak memory (its maximum resident set) in MB, with any `extra` figures.
 */
export function printFigures(rows: number, start: bigint, extra: Record<string, number> = {}): void {
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6
  process.stdout.write(
    `${JSON.stringify({
      rows,
      ...extra,
      elapsedMs: Math.round(elapsedMs),
      rowsPerSecond: Math.round(rows / (elapsedMs / 1000)),
      peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  )
}
