import type { ImportRowProblem, SourceRow } from '@cxkit/core'
import type { OpenedSource } from '../src/readers/opened-source.js'

/** Every row of a source, and the problems its reader told of, for assertions. */
export async function readAllRows(source: OpenedSource): Promise<{ rows: SourceRow[]; problems: ImportRowProblem[] }> {
  const rows: SourceRow[] = []
  const problems: ImportRowProblem[] = []
  for await (const batch of source.rows(undefined, (problem) => problems.push(problem))) rows.push(...batch)
  return { rows, problems }
}

/** The path of a fixture file. */
export function fixture(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname
}
