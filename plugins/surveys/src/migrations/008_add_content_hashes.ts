import type { Kysely } from 'kysely'

/**
 * A digest of each keyed response's content beside its idempotency key, so a key resent with other
 * content is refused (409) instead of passing as a duplicate. Responses stored before have none and
 * count as matching whatever is resent with their key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys_responses').addColumn('content_hash', 'varchar(64)').execute()
}
