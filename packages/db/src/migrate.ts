import { CxError, type Host } from '@cxkit/core'
import { type Kysely, type Migration, sql } from 'kysely'
import type { CxDatabase } from './open-database.js'
import { coreMigrations } from './migrations/index.js'

/** What one call of {@link migrate} did, per migration set. */
export interface MigrationReport {
  set: string
  applied: string[]
}

/**
 * Brings the schema up to date: core migrations first, then each plugin's in host (dependency) order.
 * Each set has its own table `cxkit_migrations_<set>`, so adding or removing a plugin later never
 * trips over another plugin's history. Each migration runs in its own transaction together with the
 * row that records it: a failed migration leaves neither its changes nor its record behind.
 *
 * @example
 * const report = await migrate(database, host) // [{ set: 'core', applied: ['001_create_workspaces', …] }, …]
 */
export async function migrate(database: CxDatabase, host: Host): Promise<MigrationReport[]> {
  const sets: { set: string; migrations: Readonly<Record<string, Migration>> }[] = [
    { set: 'core', migrations: coreMigrations },
    ...host.plugins.map((plugin) => ({ set: plugin.id, migrations: plugin.migrations })),
  ]
  const reports: MigrationReport[] = []
  for (const { set, migrations } of sets) {
    reports.push({ set, applied: await migrateSet(database, set, migrations) })
  }
  return reports
}

/** The bookkeeping table of one migration set: dashes are not welcome in SQL identifiers. */
export function migrationTableName(set: string): string {
  return `cxkit_migrations_${set.replaceAll('-', '_')}`
}

async function migrateSet(
  database: CxDatabase,
  set: string,
  migrations: Readonly<Record<string, Migration>>,
): Promise<string[]> {
  const names = Object.keys(migrations).sort()
  const table = migrationTableName(set)
  const db = database.db as unknown as Kysely<any>
  await db.transaction().execute(async (trx) => {
    // PostgreSQL: "create table if not exists" can still collide when two processes start together.
    if (database.sql.name === 'postgres') await lockSet(trx, table)
    await trx.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (col) => col.primaryKey())
      .addColumn('executed_at', 'varchar(32)', (col) => col.notNull())
      .execute()
  })

  const executed = await readExecuted(db, table)
  const unknown = executed.filter((name) => !names.includes(name))
  if (unknown.length > 0) {
    throw new CxError(
      'CXKIT_MIGRATION_UNKNOWN',
      `the database has migrations of '${set}' that this version does not know (${unknown.join(', ')}): ` +
        'it was migrated by a newer cxkit or a different plugin version',
    )
  }

  const applied: string[] = []
  for (const name of names) {
    if (executed.includes(name)) continue
    const ran = await db.transaction().execute(async (trx) => {
      if (database.sql.name === 'postgres') {
        // The query time bound is for serving requests; a data migration takes as long as it takes.
        await sql`set local statement_timeout = 0`.execute(trx)
        // Two processes starting at once: the second waits here, then sees the migration as done.
        await lockSet(trx, table)
        if ((await readExecuted(trx, table)).includes(name)) return false
      }
      await migrations[name]!.up(trx)
      await trx.insertInto(table).values({ name, executed_at: new Date().toISOString() }).execute()
      return true
    })
    if (ran) applied.push(name)
  }
  return applied
}

/**
 * A transaction-scoped PostgreSQL lock per migration set and schema. Advisory locks are per database,
 * so the schema is in the key: installations that share a database in separate schemas do not wait
 * for each other.
 */
async function lockSet(trx: Kysely<any>, table: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.' || ${table}))`.execute(trx)
}

async function readExecuted(db: Kysely<any>, table: string): Promise<string[]> {
  const rows = await db.selectFrom(table).select('name').orderBy('name').execute()
  return rows.map((row) => row.name as string)
}
