import type { ImportReport } from '@cxkit/plugin-crm-import'

/** Problems shown on the terminal; the rest are counted (and all are in the rejects file with skip). */
const shownProblems = 25

/** `<file>:<line>:<position> (<column>): <reason>` for each listed problem, then a count of the rest. */
export function printProblems(file: string, report: ImportReport, write: (text: string) => void): void {
  for (const problem of report.errors.slice(0, shownProblems)) {
    const where = problem.position
      ? `${file}:${problem.line}:${problem.position} (${problem.column})`
      : `${file}:${problem.line}`
    write(`${where}: ${problem.message}\n`)
  }
  const rest = report.errorCount - Math.min(report.errors.length, shownProblems)
  if (rest > 0) write(`… and ${rest.toLocaleString('en')} more problem(s)\n`)
}

/** One line saying what the import did. */
export function summary(entity: string, report: ImportReport): string {
  const counts = `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`
  switch (report.status) {
    case 'imported':
      return `import ${report.importId}: ${report.rows} rows into ${entity}: ${counts}`
    case 'dry-run':
      return `dry run (nothing written): ${report.rows} rows into ${entity} would be ${counts}`
    default:
      return `nothing was imported: ${report.rejected} bad row(s) of ${report.rows} checked (--on-error skip imports the good ones)`
  }
}
