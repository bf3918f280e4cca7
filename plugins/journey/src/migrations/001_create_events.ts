import type { Kysely } from 'kysely'

/**
 * Journey events: customer C met touchpoint T at time t. `occurred_ms` repeats `occurred_at` as epoch
 * milliseconds so funnel windows are integer arithmetic in SQL on both dialects (ISO text would need
 * julianday() on SQLite and a cast on PostgreSQL, and neither uses an index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey_events')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('touchpoint_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('occurred_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('occurred_ms', 'bigint', (col) => col.notNull())
    .addColumn('session_id', 'varchar(200)')
    .addColumn('source_id', 'varchar(200)')
    .addColumn('attributes', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    // A touchpoint with events is not removed from under them.
    .addForeignKeyConstraint(
      'journey_events_touchpoint_fk',
      ['workspace_id', 'touchpoint_id'],
      'touchpoints',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('restrict'),
    )
    // Exactly once by source id; events without one are never merged (NULLs are distinct on both dialects).
    .addUniqueConstraint('journey_events_source', ['workspace_id', 'source_id'])
    .execute()
  // Funnels and exits: one step's events per customer in time order.
  await db.schema
    .createIndex('journey_events_step')
    .on('journey_events')
    .columns(['workspace_id', 'touchpoint_id', 'customer_id', 'occurred_ms'])
    .execute()
  // Paths and the customer timeline: one customer's events in time order.
  await db.schema
    .createIndex('journey_events_customer')
    .on('journey_events')
    .columns(['workspace_id', 'customer_id', 'occurred_ms'])
    .execute()
}
