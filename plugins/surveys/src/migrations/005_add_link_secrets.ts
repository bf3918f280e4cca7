import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'

/** Each survey gets its own key for signing personal links. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys_surveys')
    .addColumn('link_secret', 'varchar(64)', (col) => col.notNull().defaultTo(''))
    .execute()
  const surveys = await db.selectFrom('surveys_surveys').select(['workspace_id', 'id']).execute()
  for (const survey of surveys) {
    await db
      .updateTable('surveys_surveys')
      .set({ link_secret: randomBytes(32).toString('base64url') })
      .where('workspace_id', '=', survey.workspace_id)
      .where('id', '=', survey.id)
      .execute()
  }
}
