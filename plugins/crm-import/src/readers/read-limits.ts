/**
 * What one record may hold. A file past these is broken or not what it claims to be: reading stops
 * with the line instead of growing memory without end.
 *
 * @example
 * if (record.length > readLimits.maxColumns) throw sourceError(line, 'has too many cells')
 */
export const readLimits = {
  /** Characters in one record (a CSV line with its quoted line breaks, a JSON object, a sheet row). */
  maxRecordChars: 1_048_576,
  /** Columns in one file. */
  maxColumns: 1_000,
  /** Bytes read from the start of a file to detect its format, encoding and separator. */
  headBytes: 65_536,
} as const
