import Database from 'better-sqlite3'
import pg from 'pg'
import { benchWorkspace } from '../bench-database.js'
import { benchCustomerId, generatePurchases } from './generate-purchases.js'

const createdAt = '2026-07-01T00:00:00.000Z'
/** The purchase table's secondary indexes, built after the load: one sort instead of ten million scattered inserts. */
const secondaryIndexes = ['churn_clv_transactions_customer', 'churn_clv_transactions_time']

/**
 * Writes customers and purchases straight into a SQLite file in large transactions (a bench load, not
 * the import), with the secondary indexes dropped during the load and built again as the migrations
 * defined them.
 */
export function loadPurchasesSqlite(file: string, customers: number): number {
  const db = new Database(file)
  try {
    db.pragma('foreign_keys = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -1000000')
    const indexSql = secondaryIndexes.map((name) => {
      const row = db.prepare(`select sql from sqlite_master where type = 'index' and name = ?`).get(name) as
        | { sql: string }
        | undefined
      if (!row) throw new Error(`no index ${name} to rebuild`)
      db.exec(`drop index ${name}`)
      return row.sql
    })
    const insertCustomer = db.prepare(
      `insert into customers (id, workspace_id, external_id, attributes, created_at) values (?, '${benchWorkspace}', ?, '{}', '${createdAt}')`,
    )
    db.transaction(() => {
      for (let c = 0; c < customers; c++) insertCustomer.run(benchCustomerId(c), benchCustomerId(c))
    })()
    const insert = db.prepare(
      `insert into churn_clv_transactions (id, workspace_id, customer_id, occurred_at, occurred_ms, amount, created_at) values (?, '${benchWorkspace}', ?, ?, ?, ?, '${createdAt}')`,
    )
    let written = 0
    const purchases = generatePurchases(customers)
    const batch = db.transaction(() => {
      for (let n = 0; n < 200_000; n++) {
        const next = purchases.next()
        if (next.done) return false
        const { customer, ms, amount } = next.value
        insert.run(
          `t${String(written++).padStart(10, '0')}`,
          benchCustomerId(customer),
          new Date(ms).toISOString(),
          ms,
          amount,
        )
      }
      return true
    })
    while (batch()) {}
    for (const statement of indexSql) db.exec(statement)
    db.exec('analyze')
    return written
  } finally {
    db.close()
  }
}

/**
 * Writes customers and purchases into PostgreSQL through `unnest`ed arrays, with the secondary indexes
 * dropped and the foreign-key triggers off during the load (the generated rows reference only the
 * customers written first), then builds the indexes again as the migrations defined them and analyses.
 */
export async function loadPurchasesPostgres(url: string, customers: number): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`set session_replication_role = replica`)
    await client.query(`set maintenance_work_mem = '1GB'`)
    const { rows: indexRows } = await client.query<{ indexdef: string; indexname: string }>(
      `select indexname, indexdef from pg_indexes where tablename = 'churn_clv_transactions' and indexname = any($1)`,
      [secondaryIndexes],
    )
    if (indexRows.length !== secondaryIndexes.length)
      throw new Error('missing a churn_clv_transactions index to rebuild')
    for (const { indexname } of indexRows) await client.query(`drop index ${indexname}`)
    for (let start = 0; start < customers; start += 20_000) {
      const ids = Array.from({ length: Math.min(20_000, customers - start) }, (_, i) => benchCustomerId(start + i))
      await client.query(
        `insert into customers (id, workspace_id, external_id, attributes, created_at) select id, $2, id, '{}', $3 from unnest($1::text[]) as t(id)`,
        [ids, benchWorkspace, createdAt],
      )
    }
    let written = 0
    let rows = {
      ids: [] as string[],
      customers: [] as string[],
      ats: [] as string[],
      ms: [] as number[],
      amounts: [] as number[],
    }
    const flush = async () => {
      await client.query(
        `insert into churn_clv_transactions (id, workspace_id, customer_id, occurred_at, occurred_ms, amount, created_at)
         select id, $6, customer_id, occurred_at, occurred_ms, amount, $7
         from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[]) as t(id, customer_id, occurred_at, occurred_ms, amount)`,
        [rows.ids, rows.customers, rows.ats, rows.ms, rows.amounts, benchWorkspace, createdAt],
      )
      rows = { ids: [], customers: [], ats: [], ms: [], amounts: [] }
    }
    for (const { customer, ms, amount } of generatePurchases(customers)) {
      rows.ids.push(`t${String(written++).padStart(10, '0')}`)
      rows.customers.push(benchCustomerId(customer))
      rows.ats.push(new Date(ms).toISOString())
      rows.ms.push(ms)
      rows.amounts.push(amount)
      if (rows.ids.length === 20_000) await flush()
    }
    if (rows.ids.length > 0) await flush()
    for (const { indexdef } of indexRows) await client.query(indexdef)
    await client.query('vacuum analyze churn_clv_transactions')
    return written
  } finally {
    await client.end()
  }
}
