import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { CoreTables } from './core-tables.js'
import type { PluginContext } from './plugin-context.js'
import type { SqlDialect } from './sql-dialect.js'

/**
 * A cell as a reader hands it over: CSV cells are text, spreadsheet and JSON cells may already be
 * numbers or booleans. `null` (and blank text) is a missing value, never zero.
 */
export type CellValue = string | number | boolean | null

/**
 * One row of a source file. `line` is where the row starts, numbered as a text editor numbers the
 * file (a quoted cell with line breaks makes the next row start further down); for a spreadsheet it
 * is the sheet's row number, for a JSON array the line the object starts on.
 */
export interface SourceRow {
  readonly line: number
  readonly cells: Readonly<Record<string, CellValue>>
}

/** A source file as batches of rows, read as they are needed: memory stays flat however big the file. */
export type SourceBatches = AsyncIterable<readonly SourceRow[]>

/**
 * What a field holds. The import machinery turns a cell into this type (decimal commas, day-first
 * dates by locale or preset, Excel serial dates) before the entity's row schema sees it:
 * `text` and `email` → string, `number` and `integer` → number, `instant` → ISO-8601 UTC string,
 * `date` → `YYYY-MM-DD`, `boolean` → boolean.
 */
export type ImportFieldType = 'text' | 'email' | 'number' | 'integer' | 'instant' | 'date' | 'boolean'

export interface ImportField {
  readonly name: string
  readonly type: ImportFieldType
  readonly required: boolean
  readonly description: string
}

/** A problem with one row, at one field when `field` is set. The machinery names line and column. */
export interface ImportRowProblem {
  readonly line: number
  readonly field?: string
  readonly message: string
}

/** A row after mapping and typing: the entity's fields, plus `attr.<key>` columns when it takes attributes. */
export interface MappedRow {
  readonly line: number
  readonly fields: Readonly<Record<string, string | number | boolean>>
  readonly attributes: Readonly<Record<string, string | number | boolean>>
}

/** A row its entity's schema accepted. */
export interface ValidRow<Row> {
  readonly line: number
  readonly row: Row
}

/**
 * How to take back one change. `key` names the row in the entity's own terms (a customer id, a
 * response id); `before` is what the row was before the import, or `null` when the import created it.
 */
export interface ImportChange {
  readonly key: string
  readonly before: unknown
}

/** What an upsert did with a batch of rows. */
export interface UpsertOutcome {
  inserted: number
  updated: number
  unchanged: number
  /** Rows the database refused for a reason only it knows (an unknown touchpoint, say). */
  rejected: ImportRowProblem[]
}

/**
 * Where an entity writes: inside the one transaction that makes an import whole or nothing.
 * `recordChanges` keeps what `undo` needs to reverse this import.
 */
export interface ImportWriteContext extends ImportUndoContext {
  /** The system the rows come from (`salesforce`, `hubspot`, `import`): ids in the rows are that system's. */
  readonly source: string
  recordChanges(changes: readonly ImportChange[]): Promise<void>
  /**
   * State an entity keeps from one batch to the next of this import run (a survey it created, how often
   * a row's content was seen): `create` runs on the first call for `key`. A run the database makes
   * retry starts with none, as it re-reads the file from its first row.
   */
  perImport<T>(key: string, create: () => T): T
}

/**
 * Where an entity writes and undoes: the import's transaction, its workspace and id. `contributions`
 * reaches what enabled plugins contribute (the survey engine's question types, say), which an entity
 * needs to check rows the way its own API does.
 */
export interface ImportUndoContext {
  readonly db: Kysely<CoreTables>
  readonly sql: SqlDialect
  readonly workspace: string
  readonly importId: string
  contributions: PluginContext['contributions']
}

/**
 * An entity rows can be imported into, declared by the plugin (or core) that owns its table:
 * customers by core, responses by surveys. Fields name what a column can map to; `attr.<key>`
 * columns reach `attributes` when `acceptsAttributes` is set.
 */
export interface ImportEntity<Row = unknown> {
  readonly entity: string
  readonly description: string
  readonly fields: readonly ImportField[]
  readonly acceptsAttributes: boolean
  /**
   * Fields of which a mapping must include at least one (a customer needs a way to be found: a source
   * id, an external id or an e-mail address); checked with the required fields, before rows are read.
   */
  readonly requiresOneOf?: readonly string[]
  /**
   * Checks a mapped row (its fields, plus `attributes`) and shapes it for `upsert`; issues' paths name
   * fields (or `attributes.<key>`). Its input is left open: a field map cannot be typed as a record of
   * scalars and also hold the `attributes` object, so no object schema would fit a narrower type.
   */
  readonly rowSchema: z.ZodType<Row>
  /**
   * Optional: the schema's verdict on a row that plainly passes it, reached without the schema, for
   * speed on large files. It returns the row exactly as `rowSchema` would shape it, or `undefined`
   * whenever it is not sure (then `rowSchema` judges the row and words its problems). It must never
   * accept what `rowSchema` refuses: test it against the schema on generated rows.
   */
  readonly acceptRow?: (input: unknown) => Row | undefined
  /**
   * Writes a batch of valid rows: an existing row (matched the entity's way) is updated, a new one
   * inserted, one that would not change is left alone. Rows later in the file see the earlier ones.
   */
  upsert(ctx: ImportWriteContext, rows: readonly ValidRow<Row>[]): Promise<UpsertOutcome>
  /**
   * The checks `upsert` makes against the database (an unknown touchpoint), without writing: used
   * once an import with `--on-error abort` has stopped writing, to go on reporting what else is wrong.
   */
  check?(ctx: ImportWriteContext, rows: readonly ValidRow<Row>[]): Promise<ImportRowProblem[]>
  /** Reverses changes this entity recorded, newest first. */
  undo(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void>
}

/**
 * Declares an importable entity, its row type inferred from the schema.
 *
 * @example
 * export const customersEntity = defineImportEntity({ entity: 'customers', fields, rowSchema, upsert, undo, ... })
 */
export function defineImportEntity<Row>(entity: ImportEntity<Row>): ImportEntity<Row> {
  return Object.freeze({ ...entity })
}
