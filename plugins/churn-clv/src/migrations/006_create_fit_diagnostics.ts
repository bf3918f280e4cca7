import type { Kysely } from 'kysely'

/**
 * What the CLV page draws for a fit, computed once and kept with it: the repeat-purchase histogram and
 * tracking (`diagnostics`) and, for the fit that scored the customers, the CLV distribution
 * (`distribution`). Both are JSON text and null until computed: a fit stored before this table gets
 * them on its first request. Deleting a fit deletes its row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_fit_diagnostics')
    .addColumn('fit_id', 'varchar(36)', (col) => col.primaryKey().references('churn_clv_fits.id').onDelete('cascade'))
    // JSON text: { histogram, tracking }.
    .addColumn('diagnostics', 'text')
    // JSON text: { customers, mean, median, total, min, max, bins }.
    .addColumn('distribution', 'text')
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute()
}
