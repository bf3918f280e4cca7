import type { Kysely } from 'kysely'

/** Who owns a touchpoint and what it is: shown on the journey map and in touchpoint lists. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('touchpoints').addColumn('owner_team', 'varchar(200)').execute()
  await db.schema.alterTable('touchpoints').addColumn('description', 'varchar(2000)').execute()
}
