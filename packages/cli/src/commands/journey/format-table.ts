/**
 * Rows of cells as aligned columns: counts right, everything else left; the first row is the header.
 *
 * @example
 * formatTable([['step', 'reached'], ['stage:awareness', '7']])
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows
    .map((row, index) =>
      row
        .map((cell, column) =>
          index > 0 && /^\d+$/.test(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
