import type { MetricBreakdownRow } from '@cxkit/core'

/** A cell as CSV wants it: quoted when it holds a separator, a quote or a line break. */
function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A metric's total and breakdown as CSV (RFC 4180), for spreadsheets.
 *
 * @example
 * breakdownCsv('nps', result.value, result.n, result.breakdown ?? [])
 */
export function breakdownCsv(
  metric: string,
  total: { value: number | null; n: number; interval?: { lower: number; upper: number } | null },
  rows: MetricBreakdownRow[],
): string {
  const lines = [['metric', 'group', 'value', 'lower_95', 'upper_95', 'n'].join(',')]
  const line = (
    group: string,
    row: { value: number | null; n: number; interval?: { lower: number; upper: number } | null },
  ) => [metric, group, row.value, row.interval?.lower, row.interval?.upper, row.n].map(cell).join(',')
  lines.push(line('(all)', total))
  for (const row of rows) lines.push(line(row.key, row))
  return `${lines.join('\r\n')}\r\n`
}
