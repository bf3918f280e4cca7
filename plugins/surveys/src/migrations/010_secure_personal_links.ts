import { type Kysely, SqliteAdapter, sql } from 'kysely'

/** Key prefixes the server derives itself (links, pages, the widget, imports, demo data): left as they are. */
const serverPrefixes = ['link:', 'page:', 'widget:', 'import:', 'demo-']

/**
 * Personal links that expire and a signing key that can be rotated, and idempotency keys in namespaces:
 * - `link_valid_days` (default 90) sets how long a new link stays valid; the expiry goes into its signature;
 * - `previous_link_secret` keeps the key before a rotation, so the links it signed keep working until it is dropped;
 * - keys sent by API clients are stored as `api:<key>`, apart from the keys the server derives, so a client
 *   cannot claim a personal link's key (`link:…`) and have the real customer told "already received".
 *   Stored client keys get the prefix too, so a client resending one is still told it is a duplicate;
 *   stored keys that already start with a server prefix are taken to be the server's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys_surveys')
    .addColumn('link_valid_days', 'integer', (col) => col.notNull().defaultTo(90))
    .execute()
  await db.schema.alterTable('surveys_surveys').addColumn('previous_link_secret', 'varchar(64)').execute()
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    // Room for the prefix and a link's key (survey, customer and expiry); SQLite does not enforce lengths.
    await db.schema
      .alterTable('surveys_responses')
      .alterColumn('idempotency_key', (col) => col.setDataType('varchar(400)'))
      .execute()
  }
  await db
    .updateTable('surveys_responses')
    .set({ idempotency_key: sql`'api:' || idempotency_key` })
    .where('idempotency_key', 'is not', null)
    .where((eb) =>
      eb.and(
        serverPrefixes.map((prefix) =>
          eb(eb.fn('substr', ['idempotency_key', sql.lit(1), sql.lit(prefix.length)]), '<>', prefix),
        ),
      ),
    )
    .execute()
}
