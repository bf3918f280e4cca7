import type { Kysely } from 'kysely'

/**
 * Whether the widget and the public API accept a customer id only with its signature. Existing
 * surveys keep accepting plain ids (0), so embeds that send them go on working.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys_surveys')
    .addColumn('verified_customers', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
}
