import { createHost } from '@cxkit/core'
import { createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/testing'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'
import { surveysPluginBefore } from '../test-support/surveys-plugin-before.js'

for (const dialect of testDialects()) {
  describe(`migration 010 (secure personal links) on ${dialect.name}`, () => {
    it("moves the clients' stored keys to their own namespace, so they dedupe as before, and keeps the server's", async () => {
      const database = await dialect.open()
      try {
        await migrate(database, createHost([surveysPluginBefore('010')]))
        await createWorkspace(database, { id: 'w', name: 'W', locale: 'en' })
        const db = database.db as unknown as Kysely<any>
        const definition = JSON.stringify({
          locales: ['en'],
          questions: [{ id: 'q', type: 'open', required: true, config: {}, text: { en: 'Q' } }],
        })
        await db
          .insertInto('surveys_surveys')
          .values({
            workspace_id: 'w',
            id: 's',
            name: 'S',
            kind: 'relational',
            touchpoint_id: null,
            stage_id: null,
            status: 'active',
            definition,
            contact_rule_days: 0,
            verified_customers: 0,
            public_token: 't',
            link_secret: 'x',
            created_at: 'then',
            updated_at: 'then',
          })
          .execute()
        const keys = ['order-17', 'link:s:C-1', 'page:t:n1', 'widget:k1', 'import:r1', 'demo-s-1', null]
        await db
          .insertInto('surveys_responses')
          .values(
            keys.map((key, index) => ({
              id: index + 1,
              workspace_id: 'w',
              survey_id: 's',
              channel: 'api',
              locale: 'en',
              submitted_at: '2026-01-01T00:00:00.000Z',
              received_at: '2026-01-01T00:00:00.000Z',
              idempotency_key: key,
            })),
          )
          .execute()
        await migrate(database, createHost([surveysPlugin()]))
        const stored = await db.selectFrom('surveys_responses').select('idempotency_key').orderBy('id').execute()
        expect(stored.map((row) => row.idempotency_key)).toEqual(['api:order-17', ...keys.slice(1)])
        const survey = await db.selectFrom('surveys_surveys').selectAll().executeTakeFirstOrThrow()
        expect(survey).toMatchObject({ link_valid_days: 90, previous_link_secret: null, link_secret: 'x' })
      } finally {
        await database.close()
      }
    })
  })
}
