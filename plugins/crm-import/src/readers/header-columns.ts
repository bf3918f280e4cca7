import type { RawRecord } from './raw-record.js'
import { sourceError } from './source-error.js'

/**
 * The column names of a header record, trimmed. An empty or repeated name stops the read naming
 * its position: a mapping could not tell such columns apart.
 *
 * @example
 * headerColumns({ line: 1, values: [' Email ', 'Name'] }) // ['Email', 'Name']
 */
export function headerColumns(header: RawRecord): string[] {
  const columns: string[] = []
  const seen = new Map<string, number>()
  header.values.forEach((value, index) => {
    const name = value === null ? '' : String(value).trim()
    const position = index + 1
    if (name === '') throw sourceError(header.line, `column ${position} of the header has no name`)
    const earlier = seen.get(name)
    if (earlier !== undefined) {
      throw sourceError(header.line, `column ${position} of the header repeats the name of column ${earlier}`, name)
    }
    seen.set(name, position)
    columns.push(name)
  })
  return columns
}

/** Names for the columns of a file without a header: `1`, `2`, … */
export function numberedColumns(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(index + 1))
}
