import { columnLimits } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from './index.js'

/** Every text column input lands in, with the limit of `columnLimits` its schema takes its maximum from. */
const limitedColumns: [table: string, column: string, limit: keyof typeof columnLimits][] = [
  ['workspaces', 'id', 'id'],
  ['workspaces', 'name', 'name'],
  ['customers', 'external_id', 'externalId'],
  ['customers', 'email', 'email'],
  ['customers', 'name', 'name'],
  ['customers', 'segment', 'segment'],
  ['customers', 'region', 'segment'],
  ['customers', 'plan', 'segment'],
  ['stages', 'id', 'id'],
  ['stages', 'label_en', 'label'],
  ['stages', 'label_nl', 'label'],
  ['touchpoints', 'id', 'id'],
  ['touchpoints', 'name', 'name'],
  ['metric_settings', 'metric_id', 'metricId'],
  ['surveys_surveys', 'id', 'id'],
  ['surveys_surveys', 'name', 'name'],
  ['surveys_surveys', 'public_token', 'id'],
  ['surveys_responses', 'customer_external_id', 'externalId'],
  ['surveys_responses', 'channel', 'channel'],
  ['surveys_responses', 'touchpoint_id', 'id'],
  ['surveys_responses', 'locale', 'locale'],
  ['surveys_responses', 'segment', 'segment'],
  ['surveys_responses', 'region', 'segment'],
  ['surveys_responses', 'plan', 'segment'],
  ['surveys_responses', 'idempotency_key', 'idempotencyKey'],
  ['surveys_answers', 'question_id', 'id'],
]

for (const dialect of testDialects()) {
  describe(`column limits on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    /** The declared width of a varchar column, as the database reports it. */
    async function width(table: string, column: string): Promise<number | null> {
      if (dialect.name === 'postgres') {
        const { rows } = await sql<{ width: number | null }>`
          select character_maximum_length as width from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(
          test.database.db,
        )
        return rows[0]?.width ?? null
      }
      const { rows } = await sql<{
        type: string
      }>`select type from pragma_table_info(${table}) where name = ${column}`.execute(test.database.db)
      return Number(rows[0]?.type.match(/^varchar\((\d+)\)$/i)?.[1] ?? Number.NaN)
    }

    it('agree with the columns the migrations made, so valid input always fits', async () => {
      const found = await Promise.all(limitedColumns.map(async ([table, column]) => width(table, column)))
      expect(found).toEqual(limitedColumns.map(([table, column, limit]) => declared(table, column, limit)))
    })

    /**
     * SQLite enforces no varchar width, and cannot change a column's declared type in place: migration 010
     * widened the idempotency key to 400 on PostgreSQL only, so SQLite still declares 006's 200.
     */
    function declared(table: string, column: string, limit: keyof typeof columnLimits): number {
      if (dialect.name === 'sqlite' && table === 'surveys_responses' && column === 'idempotency_key') return 200
      return columnLimits[limit]
    }
  })
}
