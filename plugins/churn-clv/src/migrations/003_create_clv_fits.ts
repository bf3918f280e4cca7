import type { Kysely } from 'kysely'

/**
 * CLV model state per workspace: the margin and discount rate CLV is valued with, each fit's
 * parameters, and the per-customer scores of the latest fit (replaced as a whole by the next one).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_settings')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('margin_rate', 'double precision', (col) => col.notNull())
    .addColumn('yearly_discount_rate', 'double precision', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  await db.schema
    .createTable('churn_clv_fits')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('model', 'varchar(16)', (col) => col.notNull())
    .addColumn('unit', 'varchar(8)', (col) => col.notNull())
    .addColumn('until', 'varchar(10)', (col) => col.notNull())
    .addColumn('horizon', 'double precision', (col) => col.notNull())
    // JSON text: { purchase: {…}, spend: {…} } with estimates, standard errors and log-likelihoods.
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('customers', 'integer', (col) => col.notNull())
    .addColumn('repeat_customers', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('churn_clv_fits_latest')
    .on('churn_clv_fits')
    .columns(['workspace_id', 'created_at'])
    .execute()
  await db.schema
    .createTable('churn_clv_scores')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('fit_id', 'varchar(36)', (col) => col.notNull().references('churn_clv_fits.id').onDelete('cascade'))
    .addColumn('expected_purchases', 'double precision', (col) => col.notNull())
    .addColumn('probability_alive', 'double precision', (col) => col.notNull())
    .addColumn('expected_spend', 'double precision', (col) => col.notNull())
    .addColumn('clv', 'double precision', (col) => col.notNull())
    .addPrimaryKeyConstraint('churn_clv_scores_pk', ['workspace_id', 'customer_id'])
    .execute()
  await db.schema.createIndex('churn_clv_scores_fit').on('churn_clv_scores').column('fit_id').execute()
}
