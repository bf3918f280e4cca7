import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type BenchDialect, freshStore, onBothDialects } from './bench-database.js'
import { generateCustomersCsv } from './customers-import/generate-customers-csv.js'

const sizes = [100_000, 1_000_000] as const
const targets = { rowsPerSecond: 100_000, peakMemoryMb: 300 }
/** Memory is flat when ten times the rows take at most this much more peak memory. */
const flatMemoryMarginMb = 50

interface ProcessFigures {
  rows: number
  elapsedMs: number
  rowsPerSecond: number
  peakMemoryMb: number
}

/** Runs one of the measuring scripts in its own process on a fresh database and returns its figures. */
async function inProcess(script: string, dialect: BenchDialect, argument: string): Promise<ProcessFigures> {
  const store = await freshStore(dialect)
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL(`./customers-import/${script}`, import.meta.url)), store.url, argument],
      { maxBuffer: 1024 * 1024 },
    )
    return JSON.parse(stdout.trim().split('\n').pop()!)
  } finally {
    await store.dispose()
  }
}

/**
 * Customers from a `;`-separated Dutch CSV (decimal commas, day-first dates, e-mail addresses in mixed
 * case) through the product's import: streamed, typed, checked, matched, written in one transaction
 * with its undo record. 100,000 and 1,000,000 rows side by side, each in its own process so peak memory
 * is the import's alone, against a bare-driver baseline of the million rows in the same run, and the
 * storage floor: what writing the million customers costs with nothing read, typed or matched.
 */
export async function customersImportBench() {
  const dir = mkdtempSync(join(tmpdir(), 'cxkit-customers-bench-'))
  try {
    const files = new Map<number, string>()
    for (const rows of sizes) {
      const file = join(dir, `customers-${rows}.csv`)
      await generateCustomersCsv(file, rows)
      files.set(rows, file)
    }
    const results = await onBothDialects(async (dialect) => {
      const [small, large] = [
        await inProcess('import-customers-process.ts', dialect, files.get(sizes[0])!),
        await inProcess('import-customers-process.ts', dialect, files.get(sizes[1])!),
      ]
      const raw = await inProcess('raw-customers-process.ts', dialect, files.get(sizes[1])!)
      const floor = await inProcess('insert-floor-process.ts', dialect, String(sizes[1]))
      return {
        rows100k: small,
        rows1M: large,
        rawBaseline1M: raw,
        ratioToRaw: Number((large.rowsPerSecond / raw.rowsPerSecond).toFixed(3)),
        insertFloor1M: floor,
        shareOfFloor: Number((large.rowsPerSecond / floor.rowsPerSecond).toFixed(3)),
        memoryGrowthMb: large.peakMemoryMb - small.peakMemoryMb,
      }
    })
    const sqlite = results.sqlite
    return {
      name: 'customers-import',
      description:
        'Customers from a ;-separated Dutch CSV (decimal commas, dd-mm-yyyy dates, mixed-case e-mail) through cxkit import (streamed, typed, checked, matched by id and e-mail, one transaction, undo record), 100,000 and 1,000,000 rows each in its own process (peak memory = max resident set), vs a bare-driver baseline (csv-parse stream + raw inserts of the same rows) and the storage floor (the same customers made up in memory and written by the product bulk insert alone, nothing read, typed or matched) in the same run',
      ...results,
      targets: { ...targets, memoryFlat: `1M peak within ${flatMemoryMarginMb} MB of 100k peak` },
      met:
        sqlite.rows1M.rowsPerSecond >= targets.rowsPerSecond &&
        sqlite.rows1M.peakMemoryMb < targets.peakMemoryMb &&
        sqlite.memoryGrowthMb <= flatMemoryMarginMb,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
