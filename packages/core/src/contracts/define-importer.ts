import type { PluginContext } from './plugin-context.js'

/** One row of an import, numbered as a person sees the file (the header is row 1, data starts at 2). */
export interface ImportRecord {
  row: number
  values: Record<string, string>
}

/** A problem with one cell (or, when `column` is absent, one row). */
export interface ImportProblem {
  row: number
  column?: string
  message: string
}

export interface ImportReport {
  rows: number
  stored: number
  /** Rows that were already imported before (by content): importing a file twice stores it once. */
  duplicates: number
  /** The first problems found, at most 100 (see `BoundedProblems`). */
  errors: ImportProblem[]
  /** How many problems there are in all; absent means `errors.length`. */
  errorCount?: number
  /** How many rows have a problem; absent means the rows named in `errors`. */
  rowsWithErrors?: number
}

/** An entity a plugin can import from a spreadsheet (`cxkit import <file> --entity responses`). */
export interface ImporterDefinition {
  readonly entity: string
  readonly description: string
  readonly columns: readonly { name: string; required: boolean; description: string }[]
  /**
   * Validates every record first; with any error, stores nothing and returns the errors. With
   * `dryRun`, validates only.
   */
  run(
    ctx: PluginContext,
    input: { workspace: string; records: readonly ImportRecord[]; dryRun: boolean },
  ): Promise<ImportReport>
}

/**
 * Declares an importer.
 *
 * @example
 * const responses = defineImporter({ entity: 'responses', description: '…', columns: [...], run: async (ctx, input) => report })
 */
export function defineImporter(importer: ImporterDefinition): ImporterDefinition {
  return Object.freeze({ ...importer })
}
