import { createHost } from '@cxkit/core'
import { createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { crmImportPlugin, openSource, runImport } from '@cxkit/plugin-crm-import'
import { customersCsvMapping } from './customers-csv-mapping.js'

/**
 * One measured import in a process of its own, so that its peak memory (the process's maximum
 * resident set) is the import's alone: `tsx import-customers-process.ts <database url> <csv file>`.
 * Prints one JSON line: rows, counts, milliseconds and peak memory in MB.
 */
const [databaseUrl, file] = process.argv.slice(2)
if (!databaseUrl || !file) throw new Error('usage: import-customers-process <database url> <csv file>')

// As `cxkit import` opens it: SQLite reads on the import's own connection, no reader threads.
const database = await openDatabase(databaseUrl, { readers: 0 })
try {
  const host = createHost([crmImportPlugin()])
  await migrate(database, host)
  await createWorkspace(database, { id: 'bench', name: 'Bench', locale: 'nl' })
  const entity = host.importEntity('customers')?.entity
  if (!entity) throw new Error('no customers entity')
  const start = process.hrtime.bigint()
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  const cpuStart = process.cpuUsage()
  const report = await runImport(
    { db: database.db, sql: database.sql, contributions: host.contributions },
    {
      entity,
      workspace: 'bench',
      source: await openSource(file),
      mapping: customersCsvMapping,
      cells: { locale: 'nl', dateOrder: 'dmy' },
      actor: 'bench',
    },
  )
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6
  const cpu = process.cpuUsage(cpuStart)
  if (report.status !== 'imported') throw new Error(`the import did not complete: ${JSON.stringify(report)}`)
  process.stdout.write(
    `${JSON.stringify({
      rows: report.rows,
      inserted: report.inserted,
      elapsedMs: Math.round(elapsedMs),
      rowsPerSecond: Math.round(report.rows / (elapsedMs / 1000)),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  )
} finally {
  await database.close()
}
