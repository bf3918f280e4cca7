import { createHost } from '@cxkit/core'
import { createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { surveysPluginBefore } from '../test-support/surveys-plugin-before.js'

const oldResponses = [
  // Arrived second, though its text id sorts first: numbering follows arrival.
  {
    id: '0190a000-0000-7000-8000-000000000002',
    received_at: '2026-02-01T10:00:00.000Z',
    idempotency_key: 'order-1',
    attributes: '{"industry":"retail"}',
    segment: 'smb',
  },
  {
    id: '0190b000-0000-7000-8000-000000000001',
    received_at: '2026-01-01T10:00:00.000Z',
    idempotency_key: null,
    attributes: '{}',
    segment: null,
  },
]

for (const dialect of testDialects()) {
  describe(`migration 006 (compact responses) on ${dialect.name}`, () => {
    it('carries stored responses and answers over, numbered by arrival, with their keys and rollups', async () => {
      const database = await dialect.open()
      try {
        await migrate(database, createHost([surveysPluginBefore('006')]))
        await createWorkspace(database, { id: 'w', name: 'W', locale: 'en' })
        const db = database.db as never as import('kysely').Kysely<any>
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
            definition: '{}',
            contact_rule_days: 0,
            public_token: 't',
            link_secret: 'x',
            created_at: 'now',
            updated_at: 'now',
          })
          .execute()
        for (const response of oldResponses) {
          await db
            .insertInto('surveys_responses')
            .values({
              ...response,
              workspace_id: 'w',
              survey_id: 's',
              customer_id: null,
              customer_external_id: null,
              channel: 'api',
              touchpoint_id: 'web',
              stage_id: 'purchase',
              locale: 'en',
              region: null,
              plan: null,
              submitted_at: response.received_at,
            })
            .execute()
          for (const [question, type, score, text] of [
            ['rec', 'nps', 9, null],
            ['why', 'open', null, `because ${response.id}`],
          ] as const) {
            await db
              .insertInto('surveys_answers')
              .values({
                response_id: response.id,
                workspace_id: 'w',
                survey_id: 's',
                question_id: question,
                question_type: type,
                score,
                scale_max: score === null ? null : 10,
                text,
                choices: null,
                submitted_at: response.received_at,
                touchpoint_id: 'web',
                stage_id: 'purchase',
                channel: 'api',
                locale: 'en',
                segment: response.segment,
                region: null,
                plan: null,
              })
              .execute()
          }
        }
        await sql`insert into surveys_answer_rollups values ('w', 'nps', 's', '2026-01-01', 'web', 'purchase', 'api', 'en', '', '', '', 10, 9, 1)`.execute(
          db,
        )

        // Up to 010, which moves clients' keys to a namespace of their own (see its test).
        await migrate(database, createHost([surveysPluginBefore('010')]))

        const responses = await db
          .selectFrom('surveys_responses')
          .select(['id', 'idempotency_key', 'attributes', 'segment', 'touchpoint_id'])
          .orderBy('id')
          .execute()
        expect(responses).toEqual([
          { id: 1, idempotency_key: null, attributes: null, segment: null, touchpoint_id: 'web' },
          {
            id: 2,
            idempotency_key: 'order-1',
            attributes: '{"industry":"retail"}',
            segment: 'smb',
            touchpoint_id: 'web',
          },
        ])
        const answers = await db
          .selectFrom('surveys_answers')
          .select(['response_id', 'question_id', 'score', 'text'])
          .orderBy('response_id')
          .orderBy('question_id')
          .execute()
        expect(answers).toEqual([
          { response_id: 1, question_id: 'rec', score: 9, text: null },
          { response_id: 1, question_id: 'why', score: null, text: `because ${oldResponses[1]!.id}` },
          { response_id: 2, question_id: 'rec', score: 9, text: null },
          { response_id: 2, question_id: 'why', score: null, text: `because ${oldResponses[0]!.id}` },
        ])
        expect(await db.selectFrom('surveys_answer_rollups').select('answers').execute()).toEqual([{ answers: 1 }])
        // New responses continue after the copied ones, and the idempotency key still holds.
        expect(await database.sql.reserveIds(db, 'surveys_responses', 1)).toEqual([3])
        await expect(
          db
            .insertInto('surveys_responses')
            .values({
              workspace_id: 'w',
              survey_id: 's',
              channel: 'api',
              locale: 'en',
              submitted_at: 'x',
              received_at: 'x',
              idempotency_key: 'order-1',
            })
            .execute(),
        ).rejects.toThrow(/unique/i)
      } finally {
        await database.close()
      }
    })
  })
}
