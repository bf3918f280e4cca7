import type { Kysely } from 'kysely'

/**
 * Claims on the webhook outbox: the instance that sends a delivery first marks it as its own until
 * `claimed_until`, so several app instances on one database send each delivery once, and a claim of
 * an instance that stopped mid-send lapses and the delivery is sent again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys_webhook_deliveries').addColumn('claimed_until', 'varchar(32)').execute()
  await db.schema.alterTable('surveys_webhook_deliveries').addColumn('claim_token', 'varchar(36)').execute()
}
