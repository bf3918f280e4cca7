import { type Kysely, sql } from 'kysely'

/**
 * CLV fits as jobs, and how often a workspace refits on its own.
 *
 * `churn_clv_fit_jobs` records every fit started over HTTP, by the schedule or from the command line:
 * who asked, when, with which options, and how it ended. A job that is queued or running holds its
 * workspace's lease: the partial unique index lets one such row exist per workspace whichever process
 * inserts it, and `lease_expires_at`, renewed while the fit runs, lets the next start take over the row
 * of a process that died mid-fit.
 *
 * `refit_every` (off | daily | weekly): a workspace created from now on refits weekly until it says
 * otherwise; one that existed before this migration keeps what it had, no scheduled fits, so every
 * existing workspace is given a settings row with 'off' (and the default margin and discount rate).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_fit_jobs')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    // queued | running | succeeded | failed
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    // api | schedule | cli
    .addColumn('trigger', 'varchar(16)', (col) => col.notNull())
    .addColumn('model', 'varchar(16)', (col) => col.notNull())
    .addColumn('unit', 'varchar(8)', (col) => col.notNull())
    .addColumn('until', 'varchar(10)', (col) => col.notNull())
    .addColumn('horizon', 'double precision', (col) => col.notNull())
    .addColumn('requested_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    // ISO-8601 UTC: compared as text, which orders as time for this one fixed format.
    .addColumn('lease_expires_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('fit_id', 'varchar(36)')
    // JSON text: the problem document of a failed job.
    .addColumn('problem', 'text')
    .execute()
  await db.schema
    .createIndex('churn_clv_fit_jobs_one_active')
    .on('churn_clv_fit_jobs')
    .column('workspace_id')
    .unique()
    .where(sql.ref('status'), 'in', [sql.lit('queued'), sql.lit('running')])
    .execute()
  await db.schema
    .createIndex('churn_clv_fit_jobs_latest')
    .on('churn_clv_fit_jobs')
    .columns(['workspace_id', 'requested_at'])
    .execute()
  await db.schema
    .alterTable('churn_clv_settings')
    .addColumn('refit_every', 'varchar(8)', (col) => col.notNull().defaultTo('off'))
    .execute()
  await db
    .insertInto('churn_clv_settings')
    .columns(['workspace_id', 'margin_rate', 'yearly_discount_rate', 'updated_at', 'refit_every'])
    .expression((eb) =>
      eb
        .selectFrom('workspaces')
        .where('id', 'not in', eb.selectFrom('churn_clv_settings').select('workspace_id'))
        .select([
          'id',
          sql.lit(1).as('margin_rate'),
          sql.lit(0.1).as('yearly_discount_rate'),
          sql.lit(new Date().toISOString()).as('updated_at'),
          sql.lit('off').as('refit_every'),
        ]),
    )
    .execute()
}
