import type { MetricDefinition, MetricResult } from '@cxkit/core'

/** A metric result as lines for a terminal: the value with its interval and n, then the breakdown. */
export function formatMetric(metric: MetricDefinition, result: MetricResult): string {
  const format = (value: number | null) =>
    value === null ? '–' : metric.unit === 'ratio' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2)
  const interval = result.interval
    ? `  (95% CI ${format(result.interval.lower)} – ${format(result.interval.upper)})`
    : ''
  const lines = [`${metric.label.en}: ${format(result.value)}${interval}  n = ${result.n}`]
  // Counts beside the value (one-event sessions of a mean duration): shown, never mixed into it.
  for (const [name, count] of Object.entries(result.counts ?? {})) lines.push(`  ${name}: ${count}`)
  const comparison = result.comparison
  if (comparison) {
    const verdict =
      comparison.warning ??
      (comparison.significant ? `significant, p = ${comparison.pValue?.toFixed(4)}` : 'not significant')
    lines.push(`  previous period: ${format(comparison.previous.value)}  n = ${comparison.previous.n}  (${verdict})`)
  }
  if (result.breakdown?.length) {
    const width = Math.max(...result.breakdown.map((row) => row.key.length))
    for (const row of result.breakdown)
      lines.push(`  ${row.key.padEnd(width)}  ${format(row.value).padStart(7)}  n = ${row.n}`)
  }
  return `${lines.join('\n')}\n`
}
