import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'
import { coreMigrations } from './index.js'

describe.each(testDialects())('006_create_customer_identities on $name', (dialect) => {
  let database: CxDatabase
  beforeEach(async () => {
    database = await dialect.open()
  })
  afterEach(async () => {
    await database.close()
  })

  it('gives existing customers an e-mail key folded beyond ASCII, and leaves those without e-mail alone', async () => {
    const db = database.db as unknown as Kysely<any>
    for (const [name, migration] of Object.entries(coreMigrations)) if (name < '006') await migration.up(db)
    await db
      .insertInto('workspaces')
      .values({ id: 'w', name: 'W', locale: 'en', created_at: '2026-01-01T00:00:00Z' })
      .execute()
    const customer = (id: string, email: string | null) => ({
      id,
      workspace_id: 'w',
      external_id: id,
      email,
      attributes: '{}',
      created_at: '2026-01-01T00:00:00Z',
    })
    await db
      .insertInto('customers')
      .values([customer('a', ' ÉMILE@Example.COM'), customer('b', null)])
      .execute()

    await coreMigrations['006_create_customer_identities']!.up(db)

    const rows = await db.selectFrom('customers').select(['id', 'email_key']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 'a', email_key: 'émile@example.com' },
      { id: 'b', email_key: null },
    ])
  })
})
