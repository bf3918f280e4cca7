import { createHost } from '@cxkit/core'
import { createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/testing'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'
import { surveysPluginBefore } from '../test-support/surveys-plugin-before.js'
import { createSurveysRepository } from '../surveys-repository.js'

for (const dialect of testDialects()) {
  describe(`migration 007 (verified customers) on ${dialect.name}`, () => {
    it('lets existing surveys go on taking plain customer ids', async () => {
      const database = await dialect.open()
      try {
        await migrate(database, createHost([surveysPluginBefore('007')]))
        await createWorkspace(database, { id: 'w', name: 'W', locale: 'en' })
        const definition = JSON.stringify({
          locales: ['en'],
          questions: [{ id: 'q', type: 'open', required: true, config: {}, text: { en: 'Q' } }],
        })
        await (database.db as unknown as Kysely<any>)
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
            contact_rule_days: 7,
            public_token: 't',
            link_secret: 'x',
            created_at: 'then',
            updated_at: 'then',
          })
          .execute()
        await migrate(database, createHost([surveysPlugin()]))
        const survey = await createSurveysRepository({ db: database.db as never }).require('w', 's')
        expect(survey).toMatchObject({ id: 's', contactRuleDays: 7, verifiedCustomers: false, publicToken: 't' })
      } finally {
        await database.close()
      }
    })
  })
}
