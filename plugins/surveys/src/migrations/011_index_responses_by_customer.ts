import { type Kysely, sql } from 'kysely'

/**
 * A customer's responses, newest first: what the customer page's timeline reads. Partial, as the
 * contact-rule index is: most responses are anonymous and need no entry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('surveys_responses_by_customer')
    .on('surveys_responses')
    .columns(['workspace_id', 'customer_id', 'submitted_at'])
    .where(sql.ref('customer_id'), 'is not', null)
    .execute()
}
