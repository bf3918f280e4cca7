import { type Kysely, sql } from 'kysely'

/** A column that the database declares a foreign key from to another table. */
export interface ForeignKeyReference {
  readonly table: string
  readonly column: string
}

/**
 * Every foreign key to `table` on SQLite, read from the schema itself so that plugin tables are found
 * too (the first column of each key).
 */
export async function sqliteForeignKeysTo(db: Kysely<any>, table: string): Promise<ForeignKeyReference[]> {
  const { rows } = await sql<ForeignKeyReference>`
    select m.name as "table", f."from" as "column"
    from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table' and f."table" = ${table} and f.seq = 0
    order by m.name`.execute(db)
  return rows
}

/** Every foreign key to `table` in the current schema on PostgreSQL (the first column of each key). */
export async function postgresForeignKeysTo(db: Kysely<any>, table: string): Promise<ForeignKeyReference[]> {
  const { rows } = await sql<ForeignKeyReference>`
    select c.relname as "table", a.attname as "column"
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f' and p.relname = ${table}
      and k.connamespace = (select oid from pg_namespace where nspname = current_schema())
    order by c.relname`.execute(db)
  return rows
}
