import Database from 'better-sqlite3'
import { benchWorkspace } from '../bench-database.js'
import { customerId, generateJourneys } from './generate-journeys.js'

const batch = 200_000
const segments = ['smb', 'mid-market', 'enterprise']

/**
 * Writes the customers and their events straight into the SQLite file through prepared statements in
 * large transactions: a benchmark's load, not the product's import. Foreign keys are off during the
 * load (the generator writes only ids it made) and the file is analysed afterwards, as a long-running
 * install's statistics would be.
 */
export function loadSqlite(file: string, customers: number): number {
  const db = new Database(file)
  try {
    db.pragma('foreign_keys = OFF')
    db.pragma('synchronous = OFF')
    const createdAt = '2025-01-01T00:00:00.000Z'
    const insertCustomer = db.prepare(
      `insert into customers (id, workspace_id, external_id, segment, attributes, created_at) values (?, '${benchWorkspace}', ?, ?, '{}', '${createdAt}')`,
    )
    db.transaction(() => {
      for (let customer = 0; customer < customers; customer++) {
        const id = customerId(customer)
        insertCustomer.run(id, id, segments[customer % segments.length])
      }
    })()
    const insertEvent = db.prepare(
      `insert into journey_events (id, workspace_id, customer_id, touchpoint_id, occurred_at, occurred_ms, attributes, created_at) values (?, '${benchWorkspace}', ?, ?, ?, ?, '{}', '${createdAt}')`,
    )
    let written = 0
    const events = generateJourneys(customers)
    const writeBatch = db.transaction(() => {
      for (let n = 0; n < batch; n++) {
        const next = events.next()
        if (next.done) return false
        const { customer, touchpoint, ms } = next.value
        insertEvent.run(
          `e${String(written).padStart(10, '0')}`,
          customerId(customer),
          touchpoint,
          new Date(ms).toISOString(),
          ms,
        )
        written++
      }
      return true
    })
    while (writeBatch()) {}
    db.exec('analyze')
    return written
  } finally {
    db.close()
  }
}
