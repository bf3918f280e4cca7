import { CxValidationError } from '@cxkit/core'

/**
 * A file that cannot be read as it stands, naming where: `line 12`, `line 12, column "Email"`.
 *
 * @example
 * throw sourceError(12, 'has 7 cells, the header has 5 columns')
 */
export function sourceError(line: number | undefined, message: string, column?: string): CxValidationError {
  const where = line === undefined ? 'file' : `line ${line}`
  const field = column === undefined ? where : `${where}, column ${JSON.stringify(column)}`
  return new CxValidationError([{ field, message, code: 'invalid_source' }])
}
