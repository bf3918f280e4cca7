import { closeSync, openSync, writeSync } from 'node:fs'
import type { CellValue } from '@cxkit/core'
import type { ImportProblem } from '@cxkit/plugin-crm-import'

/** A CSV cell: quoted when it holds a separator, a quote or a line break. */
function csvCell(value: CellValue | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The rows `--on-error skip` left out, as CSV: the file's own columns with the cells as read, then
 * `line` (where the row is in the file) and `reason`. Written as rows come, so memory stays flat;
 * `restart` empties it when the database makes the import read the file again.
 */
export function createRejectsFile(path: string, columns: readonly string[]) {
  let fd: number | undefined
  let count = 0
  const header = `${[...columns, 'line', 'reason'].map(csvCell).join(',')}\n`
  return {
    path,
    get count() {
      return count
    },
    restart() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
      count = 0
    },
    write(line: number, problems: readonly ImportProblem[], cells: Readonly<Record<string, CellValue>>) {
      if (fd === undefined) {
        fd = openSync(path, 'w')
        writeSync(fd, header)
      }
      const reason = problems.map((problem) =>
        problem.column ? `${problem.column}: ${problem.message}` : problem.message,
      )
      writeSync(
        fd,
        `${[...columns.map((column) => csvCell(cells[column])), String(line), csvCell(reason.join('; '))].join(',')}\n`,
      )
      count++
    },
    close() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    },
  }
}
