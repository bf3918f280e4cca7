import { type Kysely, sql } from 'kysely'
import type { CxDatabase } from '../open-database.js'

/** Rows of one table that point at a stage or touchpoint. */
export interface JourneyReference {
  readonly table: string
  readonly rows: number
}

/**
 * How many rows of each workspace-scoped table point at a stage (`column: 'stage_id'`) or a touchpoint
 * (`'touchpoint_id'`), tables in `except` left out. References are found by that column name, read
 * from the schema itself, rather than through declared foreign keys: survey responses and their
 * rollups keep a touchpoint's id without a key (they are history, and a key would tie every ingest to
 * the touchpoints table), journey events declare one; both must keep a touchpoint from being removed,
 * and a plugin's table that follows the naming is found without core knowing it.
 *
 * @example
 * await countReferences(database, trx, 'touchpoint_id', 'acme', 'web-checkout') // [{ table: 'surveys_responses', rows: 120 }]
 */
export async function countReferences(
  database: CxDatabase,
  db: Kysely<any>,
  column: 'stage_id' | 'touchpoint_id',
  workspace: string,
  id: string,
  except: readonly string[] = [],
): Promise<JourneyReference[]> {
  const tables = database.sql.name === 'postgres' ? await postgresTables(db, column) : await sqliteTables(db, column)
  const references: JourneyReference[] = []
  for (const table of tables.filter((name) => !except.includes(name))) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('rows'))
      .where('workspace_id', '=', workspace)
      .where(column, '=', id)
      .executeTakeFirstOrThrow()
    if (Number(row.rows) > 0) references.push({ table, rows: Number(row.rows) })
  }
  return references
}

/** `120 rows in surveys_responses, 1 row in journey_events`. */
export function describeReferences(references: readonly JourneyReference[]): string {
  return references.map((ref) => `${ref.rows} row${ref.rows === 1 ? '' : 's'} in ${ref.table}`).join(', ')
}

async function sqliteTables(db: Kysely<any>, column: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select m.name as name from sqlite_master m
    where m.type = 'table'
      and exists (select 1 from pragma_table_info(m.name) c where c.name = ${column})
      and exists (select 1 from pragma_table_info(m.name) c where c.name = 'workspace_id')
    order by m.name`.execute(db)
  return rows.map((row) => row.name)
}

// Only the current schema: one PostgreSQL server may hold other installs (or test schemas) beside.
async function postgresTables(db: Kysely<any>, column: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = ${column} and t.table_type = 'BASE TABLE'
      and exists (
        select 1 from information_schema.columns w
        where w.table_schema = c.table_schema and w.table_name = c.table_name and w.column_name = 'workspace_id')
    order by c.table_name`.execute(db)
  return rows.map((row) => row.name)
}
