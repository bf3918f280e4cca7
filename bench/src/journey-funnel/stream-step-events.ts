import Database from 'better-sqlite3'
import pg from 'pg'
import { benchWorkspace } from '../bench-database.js'
import type { StreamedEvent } from './count-funnel-in-js.js'

const selectStepEvents = (placeholders: string) =>
  `select customer_id, touchpoint_id, occurred_ms from journey_events
   where workspace_id = ${placeholders.split(',')[0]} and touchpoint_id in (${placeholders.split(',').slice(1).join(',')})
   order by customer_id, occurred_ms`

/** The funnel's step events from a SQLite file, in customer order, row by row (a bare driver, read-only). */
export function* streamSqliteStepEvents(file: string, touchpoints: readonly string[]): Generator<StreamedEvent> {
  const db = new Database(file, { readonly: true })
  try {
    const marks = ['?', ...touchpoints.map(() => '?')].join(',')
    const statement = db.prepare(selectStepEvents(marks)).raw()
    yield* statement.iterate(benchWorkspace, ...touchpoints) as Iterable<StreamedEvent>
  } finally {
    db.close()
  }
}

/** The same from PostgreSQL, through a cursor fetched 50,000 rows at a time (a bare pg client). */
export async function* streamPostgresStepEvents(
  url: string,
  touchpoints: readonly string[],
): AsyncGenerator<StreamedEvent> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('begin')
    const marks = ['$1', ...touchpoints.map((_, i) => `$${i + 2}`)].join(',')
    await client.query(`declare step_events no scroll cursor for ${selectStepEvents(marks)}`, [
      benchWorkspace,
      ...touchpoints,
    ])
    for (;;) {
      const { rows } = await client.query({ text: 'fetch 50000 from step_events', rowMode: 'array' })
      if (rows.length === 0) break
      yield* rows as unknown as StreamedEvent[]
    }
    await client.query('commit')
  } finally {
    await client.end()
  }
}
