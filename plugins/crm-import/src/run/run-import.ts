import { basename } from 'node:path'
import {
  BoundedProblems,
  CxError,
  type ImportEntity,
  type ImportWriteContext,
  type PluginContext,
  type SourceRow,
  timeOrderedId,
  transactionRetryingInserts,
  type ValidRow,
} from '@cxkit/core'
import type { CellOptions } from '../cells/index.js'
import type { OpenedSource } from '../readers/opened-source.js'
import { changeRecorder, type ImportRun, importTables, insertImportRun } from './import-records.js'
import type { ImportProblem, ImportReport } from './import-report.js'
import { type ColumnMapping, type ColumnPlan, resolveMapping } from './resolve-mapping.js'
import { typeRow } from './type-row.js'

/** What an import needs of its host: the database, the dialect, and what enabled plugins contribute. */
export type ImportDatabase = Pick<PluginContext, 'db' | 'sql' | 'contributions'>

export interface RunImportInput<Row> {
  readonly entity: ImportEntity<Row>
  readonly workspace: string
  readonly source: OpenedSource
  /** Column → field, `attr.<key>` or null (left out); see `resolveMapping` and `defaultMapping`. */
  readonly mapping: ColumnMapping
  readonly cells: CellOptions
  /** `abort` (default): any bad row and nothing is written. `skip`: bad rows go to `onReject`, good ones in. */
  readonly onError?: 'abort' | 'skip'
  /** Do everything, then roll back: the report's counts are exact and nothing is written. */
  readonly dryRun?: boolean
  /** The system the rows come from (`salesforce`, `hubspot`, default `import`): its ids are matched as its own. */
  readonly system?: string
  /** Who runs the import, as recorded: a user's e-mail, `cli:<os user>`. */
  readonly actor: string
  /** The file's name as recorded; default: the source file's base name. */
  readonly fileName?: string
  onProgress?(progress: { rows: number; bytes: number }): void
  /** A bad row with `skip`, with its cells as read. Called again from the first row if the database retries. */
  onReject?(line: number, problems: readonly ImportProblem[], cells: SourceRow['cells']): void | Promise<void>
  /** Called before each pass over the file: once, or again when the database made the import retry. */
  onAttempt?(): void
}

/** Thrown inside the transaction to roll it back on purpose (a bad row with `abort`, a dry run). */
class RollBack extends Error {}

interface Tally {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  problems: BoundedProblems<ImportProblem>
  /** False once a bad row stopped writing (`abort`): rows are then only checked. */
  writing: boolean
}

const newTally = (): Tally => ({
  rows: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  problems: new BoundedProblems<ImportProblem>(),
  writing: true,
})

/**
 * Imports a file into an entity in one database transaction: the mapping is checked before any row
 * is read, then batches are typed, checked by the entity's schema and upserted as they stream, so
 * memory stays flat and a crash leaves the file wholly imported or not at all. With `abort` the
 * first bad row stops writing, checking goes on until 100 problems are listed, and everything is
 * rolled back. The import is recorded in `crm_import_runs` (inside its transaction when it
 * succeeds, after it otherwise) with the changes `undoImport` needs.
 *
 * @example
 * const report = await runImport(ctx, { entity: customersEntity, workspace: 'acme', source: await openSource(file),
 *   mapping: { Email: 'email' }, cells: { locale: 'nl', dateOrder: 'dmy' }, actor: 'cli:ann' })
 */
export async function runImport<Row>(ctx: ImportDatabase, input: RunImportInput<Row>): Promise<ImportReport> {
  const { entity, workspace, source } = input
  const plans = resolveMapping(entity, source.columns, input.mapping)
  await requireWorkspace(ctx, workspace)
  const onError = input.onError ?? 'abort'
  const dryRun = input.dryRun ?? false
  const started = Date.now()
  const run: ImportRun = {
    id: timeOrderedId(started),
    workspace_id: workspace,
    entity: entity.entity,
    file: (input.fileName ?? basename(source.file)).slice(0, 500),
    source: input.system ?? 'import',
    actor: input.actor.slice(0, 200),
    options: JSON.stringify({ mapping: input.mapping, ...input.cells, onError, dryRun }),
    status: 'running',
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    error_count: 0,
    started_at: new Date(started).toISOString(),
    finished_at: null,
    undone_at: null,
  }
  let tally = newTally()
  const finish = (status: ImportReport['status']): ImportReport => {
    const written = status === 'imported' || (status === 'dry-run' && tally.writing)
    return {
      importId: run.id,
      status,
      rows: tally.rows,
      inserted: written ? tally.inserted : 0,
      updated: written ? tally.updated : 0,
      unchanged: written ? tally.unchanged : 0,
      rejected: tally.rejected,
      errors: tally.problems.listed,
      errorCount: tally.problems.count,
      durationMs: Date.now() - started,
    }
  }
  let report: ImportReport
  try {
    // Run again when a concurrent import inserted the same new records first (PostgreSQL; see there).
    report = await transactionRetryingInserts(ctx.sql, ctx.db, async (trx) => {
      // A retried run starts from nothing: the database rolled back everything the last one wrote.
      tally = newTally()
      input.onAttempt?.()
      await insertImportRun(trx, run)
      const state = new Map<string, unknown>()
      const write: ImportWriteContext = {
        db: trx,
        sql: ctx.sql,
        workspace,
        importId: run.id,
        source: run.source,
        contributions: ctx.contributions,
        recordChanges: changeRecorder({ db: trx, sql: ctx.sql }, run.id),
        perImport: <T>(key: string, create: () => T): T => {
          if (!state.has(key)) state.set(key, create())
          return state.get(key) as T
        },
      }
      await streamRows(write, input, plans, onError, tally)
      if (!tally.writing || dryRun) throw new RollBack()
      const done = finish('imported')
      await importTables(trx)
        .updateTable('crm_import_runs')
        .set({ ...counts(done), status: 'imported', finished_at: new Date().toISOString() })
        .where('id', '=', run.id)
        .execute()
      return done
    })
  } catch (error) {
    const status = error instanceof RollBack ? (dryRun ? 'dry-run' : 'aborted') : 'failed'
    report = finish(status)
    await recordAfterwards(ctx, run, report, error instanceof RollBack ? undefined : error)
    if (!(error instanceof RollBack)) throw error
  }
  return report
}

async function streamRows<Row>(
  write: ImportWriteContext,
  input: RunImportInput<Row>,
  plans: readonly ColumnPlan[],
  onError: 'abort' | 'skip',
  tally: Tally,
): Promise<void> {
  const reject = async (line: number, problems: readonly ImportProblem[], cells: SourceRow['cells']) => {
    tally.rejected++
    for (const problem of problems) tally.problems.push(problem)
    if (onError === 'abort') tally.writing = false
    else await input.onReject?.(line, problems, cells)
  }
  let bytes = 0
  for await (const batch of input.source.rows((read) => {
    bytes = read
  })) {
    const valid: ValidRow<Row>[] = []
    for (const row of batch) {
      tally.rows++
      const typed = typeRow(input.entity, plans, row, input.cells)
      if (!typed.ok) await reject(row.line, typed.problems, row.cells)
      else valid.push({ line: row.line, row: typed.row })
    }
    // Once abort stopped writing, valid rows are only checked against the database (the entity's `check`).
    const checking = tally.writing ? [] : valid
    if (tally.writing && valid.length > 0) {
      const outcome = await input.entity.upsert(write, valid)
      tally.inserted += outcome.inserted
      tally.updated += outcome.updated
      tally.unchanged += outcome.unchanged
      await rejectRefused(outcome.rejected, batch, plans, reject)
    } else if (checking.length > 0 && input.entity.check) {
      await rejectRefused(await input.entity.check(write, checking), batch, plans, reject)
    }
    input.onProgress?.({ rows: tally.rows, bytes })
    // With abort nothing will be written: check on only until the problem list is full.
    if (!tally.writing && tally.problems.full) break
  }
}

/** Rows the entity refused while writing (an unknown touchpoint): their problems, at their columns. */
async function rejectRefused(
  refused: readonly { line: number; field?: string; message: string }[],
  batch: readonly SourceRow[],
  plans: readonly ColumnPlan[],
  reject: (line: number, problems: readonly ImportProblem[], cells: SourceRow['cells']) => Promise<void>,
): Promise<void> {
  const byLine = new Map<number, ImportProblem[]>()
  for (const problem of refused) {
    const plan = problem.field ? plans.find((candidate) => candidate.field?.name === problem.field) : undefined
    const named = plan ? { column: plan.column, position: plan.position } : {}
    const list = byLine.get(problem.line) ?? []
    list.push({ line: problem.line, ...named, message: problem.message })
    byLine.set(problem.line, list)
  }
  for (const [line, problems] of byLine) {
    const cells = batch.find((row) => row.line === line)?.cells ?? {}
    await reject(line, problems, cells)
  }
}

function counts(report: ImportReport) {
  return {
    rows: report.rows,
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    error_count: report.errorCount,
  }
}

/** Records an import that wrote nothing; a failure to record must not hide why the import failed. */
async function recordAfterwards(ctx: ImportDatabase, run: ImportRun, report: ImportReport, failure: unknown) {
  try {
    await insertImportRun(ctx.db, {
      ...run,
      ...counts(report),
      status: report.status,
      finished_at: new Date().toISOString(),
    })
  } catch (error) {
    if (failure === undefined) throw error
  }
}

async function requireWorkspace(ctx: ImportDatabase, workspace: string): Promise<void> {
  const found = await ctx.db.selectFrom('workspaces').select('id').where('id', '=', workspace).executeTakeFirst()
  if (!found) {
    throw new CxError('CXKIT_WORKSPACE_NOT_FOUND', `workspace '${workspace}' does not exist`, { status: 404 })
  }
}
