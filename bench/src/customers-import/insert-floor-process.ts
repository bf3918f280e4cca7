import { createHost, timeOrderedId } from '@cxkit/core'
import { createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { customerColumns } from './customer-columns.js'
import { printFigures } from './print-figures.js'

/**
 * The storage floor, in a process of its own: a million customers like the generated file's, made up
 * in memory (nothing read, typed or matched) and written by the product's own bulk insert in batches
 * of 2,000 in one transaction. No import can be faster than this on the same machine: it is what the
 * database alone costs, and with it what stands between an import and a target.
 * `tsx insert-floor-process.ts <database url> <rows>`.
 */
const [databaseUrl, rowArgument] = process.argv.slice(2)
if (!databaseUrl || !rowArgument) throw new Error('usage: insert-floor-process <database url> <rows>')
const rows = Number(rowArgument)

const columns = customerColumns
const segments = ['consumer', 'smb', 'enterprise']
const regions = ['noord', 'oost', 'zuid', 'west']
const plans = ['basic', 'plus', 'pro']
const batchSize = 2000

/** The row the import makes of the generated file's line `i`. */
function customer(i: number, now: string): unknown[] {
  const email = `klant.${i}@voorbeeld.nl`
  return [
    timeOrderedId(),
    'bench',
    `K${String(i).padStart(8, '0')}`,
    i % 10 === 0 ? email.toUpperCase() : email,
    email,
    `${i % 7 === 0 ? 'Émile' : 'Anna'} de Vries ${i}`,
    segments[i % 3],
    regions[i % 4],
    plans[i % 3],
    JSON.stringify({ omzet: (i % 9973) * 3 + (i % 100) / 100, klant_sinds: '2015-01-01' }),
    now,
  ]
}

// Opened as `cxkit import` opens it (see import-customers-process.ts).
const database = await openDatabase(databaseUrl, { readers: 0 })
try {
  await migrate(database, createHost([crmImportPlugin()]))
  await createWorkspace(database, { id: 'bench', name: 'Bench', locale: 'nl' })
  const start = process.hrtime.bigint()
  const now = new Date().toISOString()
  await database.db.transaction().execute(async (trx) => {
    for (let first = 0; first < rows; first += batchSize) {
      const batch: unknown[][] = []
      for (let i = first; i < Math.min(rows, first + batchSize); i++) batch.push(customer(i, now))
      await database.sql.insertRows(trx, 'customers', columns, batch)
    }
  })
  printFigures(rows, start)
} finally {
  await database.close()
}
