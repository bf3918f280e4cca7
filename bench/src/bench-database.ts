import { createHost, defaultStageModel, type Host } from '@cxkit/core'
import { type CxDatabase, createWorkspace, insertStages, insertTouchpoints, migrate, openDatabase } from '@cxkit/db'
import { npsPlugin } from '@cxkit/plugin-nps'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { sql } from 'kysely'
import { freshPostgres, freshSqlite, type LoadDatabase } from './load/load-database.js'

export const benchWorkspace = 'bench'
export const benchTouchpoints = Array.from({ length: 10 }, (_, i) => `touchpoint-${i + 1}`)
/** The PostgreSQL server the benches create their databases on; each runs on SQLite only when none answers. */
export const benchPostgresUrl = process.env.CXKIT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type BenchDialect = 'sqlite' | 'postgres'

export interface BenchDatabase {
  dialect: BenchDialect
  /** The database's URL, as the app's server takes it. */
  url: string
  database: CxDatabase
  host: Host
  /** Closes {@link database}, so that another process or a bare driver has the database to itself. */
  close(): Promise<void>
  /** Closes the connection (if still open) and removes the file or drops the database. */
  dispose(): Promise<void>
}

/** Whether a PostgreSQL server answers at {@link benchPostgresUrl}. */
export async function postgresAnswers(): Promise<boolean> {
  try {
    const database = await openDatabase(benchPostgresUrl)
    try {
      await sql`select 1`.execute(database.db)
      return true
    } finally {
      await database.close()
    }
  } catch {
    return false
  }
}

/** The path of a `sqlite:<file>` URL, for the baselines that open the file with better-sqlite3 themselves. */
export function sqliteFile(url: string): string {
  if (!url.startsWith('sqlite:')) throw new Error(`not a SQLite URL: ${url}`)
  return url.slice('sqlite:'.length)
}

/**
 * A fresh SQLite file (WAL, as the app runs it) or a fresh PostgreSQL database, with the survey
 * tables, a workspace, ten touchpoints and an active one-question NPS survey.
 */
export async function openBenchDatabase(dialect: BenchDialect): Promise<BenchDatabase> {
  const store = await freshStore(dialect)
  const database = await openDatabase(store.url)
  const host = createHost([surveysPlugin(), npsPlugin()])
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await database.close()
  }
  try {
    await migrate(database, host)
    await createWorkspace(database, { id: benchWorkspace, name: 'Bench', locale: 'en' })
    await insertStages(database, benchWorkspace, defaultStageModel)
    await insertTouchpoints(
      database,
      benchWorkspace,
      benchTouchpoints.map((id, i) => ({
        id,
        name: id,
        stageId: defaultStageModel.stages[i % 6]!.id,
        channel: 'website' as const,
      })),
    )
    const now = new Date().toISOString()
    await sql`
      insert into surveys_surveys (workspace_id, id, name, kind, touchpoint_id, stage_id, status, definition, contact_rule_days, public_token, created_at, updated_at)
      values (${benchWorkspace}, 'nps', 'NPS', 'relational', null, null, 'active', ${JSON.stringify({
        locales: ['en'],
        questions: [{ id: 'recommend', type: 'nps', required: true, config: {}, text: { en: 'Recommend?' } }],
      })}, 0, ${`bench-${Date.now()}`}, ${now}, ${now})
    `.execute(database.db)
  } catch (error) {
    await close()
    await store.dispose()
    throw error
  }
  return {
    dialect,
    url: store.url,
    database,
    host,
    close,
    async dispose() {
      await close()
      await store.dispose()
    },
  }
}

export async function freshStore(dialect: BenchDialect): Promise<LoadDatabase> {
  if (dialect === 'sqlite') return freshSqlite()
  const postgres = await freshPostgres(benchPostgresUrl)
  if (!postgres) throw new Error(`no PostgreSQL server answered at ${benchPostgresUrl}`)
  return postgres
}

/**
 * Runs a benchmark on SQLite, then on PostgreSQL when a server answers at `CXKIT_BENCH_PG_URL`; without
 * one, `postgres` says it was skipped and why.
 */
export async function onBothDialects<T>(run: (dialect: BenchDialect) => Promise<T>) {
  const sqlite = await run('sqlite')
  const postgres = (await postgresAnswers())
    ? await run('postgres')
    : `skipped: no PostgreSQL server answered at ${new URL(benchPostgresUrl).host}`
  return { sqlite, postgres }
}
