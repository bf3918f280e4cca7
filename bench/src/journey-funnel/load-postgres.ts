import pg from 'pg'
import { benchWorkspace } from '../bench-database.js'
import { customerId, generateJourneys } from './generate-journeys.js'

const batch = 20_000
const segments = ['smb', 'mid-market', 'enterprise']

/**
 * Writes the customers and their events through multi-row inserts of `unnest`ed arrays (one statement
 * per 20,000 rows), then vacuums and analyses, as autovacuum would a while after a bulk load.
 */
export async function loadPostgres(url: string, customers: number): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const createdAt = '2025-01-01T00:00:00.000Z'
    for (let start = 0; start < customers; start += batch) {
      const ids = Array.from({ length: Math.min(batch, customers - start) }, (_, i) => customerId(start + i))
      await client.query(
        `insert into customers (id, workspace_id, external_id, segment, attributes, created_at)
         select id, $2, id, segment, '{}', $3 from unnest($1::text[], $4::text[]) as t(id, segment)`,
        [ids, benchWorkspace, createdAt, ids.map((_, i) => segments[(start + i) % segments.length])],
      )
    }
    let written = 0
    let rows: { ids: string[]; customers: string[]; touchpoints: string[]; ats: string[]; ms: number[] } = empty()
    const flush = async () => {
      if (rows.ids.length === 0) return
      await client.query(
        `insert into journey_events (id, workspace_id, customer_id, touchpoint_id, occurred_at, occurred_ms, attributes, created_at)
         select id, $6, customer_id, touchpoint_id, occurred_at, occurred_ms, '{}', $7
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) as t(id, customer_id, touchpoint_id, occurred_at, occurred_ms)`,
        [rows.ids, rows.customers, rows.touchpoints, rows.ats, rows.ms, benchWorkspace, createdAt],
      )
      rows = empty()
    }
    for (const { customer, touchpoint, ms } of generateJourneys(customers)) {
      rows.ids.push(`e${String(written).padStart(10, '0')}`)
      rows.customers.push(customerId(customer))
      rows.touchpoints.push(touchpoint)
      rows.ats.push(new Date(ms).toISOString())
      rows.ms.push(ms)
      written++
      if (rows.ids.length === batch) await flush()
    }
    await flush()
    await client.query('vacuum analyze')
    return written
  } finally {
    await client.end()
  }
}

function empty() {
  return {
    ids: [] as string[],
    customers: [] as string[],
    touchpoints: [] as string[],
    ats: [] as string[],
    ms: [] as number[],
  }
}
