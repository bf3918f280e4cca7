import type { Kysely } from 'kysely'
import { emailKey } from '@cxkit/core'

/** Rows per read while existing e-mail addresses get their key. */
const backfillBatch = 1000

/**
 * A customer's ids in other systems (a HubSpot record id, a Salesforce contact id), one row per
 * system, and `email_key`: the e-mail address folded for case-insensitive matching. It is computed in
 * TypeScript, not with SQL's `lower()`, which folds only ASCII on SQLite: `ÉMILE@…` and `émile@…`
 * are one person on both dialects.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_identities')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'varchar(64)', (col) => col.notNull())
    .addColumn('source_id', 'varchar(200)', (col) => col.notNull())
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_identities_pk', ['workspace_id', 'source', 'source_id'])
    .execute()
  await db.schema.createIndex('customer_identities_customer').on('customer_identities').column('customer_id').execute()

  await db.schema.alterTable('customers').addColumn('email_key', 'varchar(320)').execute()
  await db.schema
    .createIndex('customers_workspace_email_key')
    .on('customers')
    .columns(['workspace_id', 'email_key'])
    .execute()
  let after = ''
  for (;;) {
    const rows: { id: string; email: string }[] = await db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(backfillBatch)
      .execute()
    for (const row of rows) {
      await db
        .updateTable('customers')
        .set({ email_key: emailKey(row.email) })
        .where('id', '=', row.id)
        .execute()
    }
    if (rows.length < backfillBatch) break
    after = rows[rows.length - 1]!.id
  }
}
