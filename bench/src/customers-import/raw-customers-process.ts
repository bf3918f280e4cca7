import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createHost } from '@cxkit/core'
import { createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse'
import pg from 'pg'
import { sqliteFile } from '../bench-database.js'
import { customerColumns } from './customer-columns.js'
import { printFigures } from './print-figures.js'

/**
 * The baseline, in a process of its own: the same file read with csv-parse's stream and written with
 * a bare driver into the same customers table (SQLite: a prepared insert per row; PostgreSQL:
 * multi-row inserts of 1,000 rows), in one transaction. No typing, checking, matching or undo record:
 * what reading and storing alone cost. `tsx raw-customers-process.ts <database url> <csv file>`.
 */
const [databaseUrl, file] = process.argv.slice(2)
if (!databaseUrl || !file) throw new Error('usage: raw-customers-process <database url> <csv file>')

const database = await openDatabase(databaseUrl)
await migrate(database, createHost([crmImportPlugin()]))
await createWorkspace(database, { id: 'bench', name: 'Bench', locale: 'nl' })
await database.close()

const columns = customerColumns
const now = new Date().toISOString()
const rowOf = (cells: string[]) => [
  randomUUID(),
  'bench',
  cells[0],
  cells[1],
  cells[1]!.toLowerCase(),
  `${cells[2]} ${cells[3]}`,
  cells[4],
  cells[5],
  cells[6],
  JSON.stringify({ omzet: cells[7], klant_sinds: cells[8] }),
  now,
]
const records = () => createReadStream(file).pipe(parse({ delimiter: ';', from_line: 2 }))

const start = process.hrtime.bigint()
let rows = 0
if (databaseUrl.startsWith('sqlite:')) {
  const sqlite = new Database(sqliteFile(databaseUrl))
  sqlite.pragma('journal_mode = WAL')
  const insert = sqlite.prepare(
    `insert into customers (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  )
  sqlite.exec('begin')
  for await (const cells of records()) {
    insert.run(rowOf(cells))
    rows++
  }
  sqlite.exec('commit')
  sqlite.close()
} else {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('begin')
  let values: unknown[] = []
  const flush = async () => {
    const count = values.length / columns.length
    if (count === 0) return
    const tuples = Array.from(
      { length: count },
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    )
    await client.query(`insert into customers (${columns.join(', ')}) values ${tuples.join(', ')}`, values)
    values = []
  }
  for await (const cells of records()) {
    values.push(...rowOf(cells))
    rows++
    if (values.length === 1000 * columns.length) await flush()
  }
  await flush()
  await client.query('commit')
  await client.end()
}
printFigures(rows, start)
