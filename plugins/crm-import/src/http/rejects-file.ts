import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CellValue } from '@cxkit/core'

/** A cell as CSV: quoted when it must be; a formula-looking text gets a leading `'` so a spreadsheet shows it as text. */
export function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Where a `skip` import's rejected rows are kept, by import id. */
export function rejectsPath(dir: string, importId: string): string {
  return join(dir, 'rejects', `${importId}.csv`)
}

/**
 * Writes the rows a `skip` import rejects as CSV: line, reasons, then the row's cells as read. Written
 * to a job file while the import runs (started over when the database makes it retry), then kept
 * under the import's id.
 *
 * @example
 * const rejects = await openRejectsFile(dir, job.id, source.columns)
 * await runImport(ctx, { ..., onAttempt: rejects.restart, onReject: rejects.write })
 * await rejects.keepAs(report.importId)
 */
export async function openRejectsFile(dir: string, jobId: string, columns: readonly string[]) {
  await mkdir(join(dir, 'rejects'), { recursive: true })
  const header = ['line', 'reason', ...columns].map(csvCell).join(',')
  // One file per attempt: a retried import starts a new one while the last is still closing.
  const attempts: { file: string; out: WriteStream; closed: Promise<void> }[] = []
  let rows = 0
  const current = () => attempts.at(-1)
  const rejects = {
    restart() {
      const last = current()
      if (last) last.out.end()
      const file = join(dir, 'rejects', `job-${jobId}-${attempts.length}.csv`)
      const out = createWriteStream(file)
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()))
      out.write(`${header}\n`)
      attempts.push({ file, out, closed })
      rows = 0
    },
    async write(
      line: number,
      problems: readonly { column?: string; message: string }[],
      cells: Readonly<Record<string, CellValue>>,
    ) {
      if (!current()) rejects.restart()
      const { out } = current()!
      const reason = problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ')
      const record = [line, reason, ...columns.map((column) => cells[column])].map((cell) => csvCell(cell ?? null))
      rows += 1
      // Keep to the disk's pace: a file of rejects can be as big as the import.
      if (!out.write(`${record.join(',')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    },
    /** Keeps the last attempt's file under the import's id when it holds rows; removes the rest. */
    async keepAs(importId: string | undefined) {
      for (const attempt of attempts) attempt.out.end()
      await Promise.all(attempts.map((attempt) => attempt.closed))
      const last = current()
      if (last && importId && rows > 0) await rename(last.file, rejectsPath(dir, importId))
      await Promise.all(attempts.map((attempt) => rm(attempt.file, { force: true })))
    },
  }
  return rejects
}
