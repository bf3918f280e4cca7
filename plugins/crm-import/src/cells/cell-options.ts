/** How a file writes its numbers and dates: from `--locale` / `--date-order`, or the preset's. */
export interface CellOptions {
  /** `nl`: `1.234,56` and `12,5`; `en`: `1,234.56` and `12.5`. */
  readonly locale: 'en' | 'nl'
  /** How a date written with slashes is read: `dmy` (`1/3/2026` is 1 March), `mdy` (3 January) or `ymd`. */
  readonly dateOrder: 'dmy' | 'mdy' | 'ymd'
}

/** A cell that could not be read as its field's type: the reason, for the import's error list. */
export interface CellProblem {
  readonly problem: string
}

/** True for a {@link CellProblem}. */
export function isCellProblem(value: unknown): value is CellProblem {
  return typeof value === 'object' && value !== null && 'problem' in value
}
