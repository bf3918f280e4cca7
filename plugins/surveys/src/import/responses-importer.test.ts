import { createHash } from 'node:crypto'
import type { ImportRecord, PluginContext } from '@cxkit/core'
import { createPluginContext } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'
import { ingestResponses } from '../ingest-responses.js'
import { createQuestionRegistry } from '../question-registry.js'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { responsesImporter } from './responses-importer.js'

/** Rows as the CLI reads them: the header is row 1, so data starts at row 2. */
const records = (rows: Record<string, string>[]): ImportRecord[] =>
  rows.map((values, index) => ({ row: index + 2, values }))

const fiveAlike = records(
  Array.from({ length: 5 }, () => ({ submitted_at: '2026-03-01', question_type: 'stars', score: '4' })),
)

for (const dialect of testDialects()) {
  describe(`responses import on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: PluginContext
    const run = (rows: ImportRecord[]) =>
      responsesImporter.run(ctx, { workspace: test.workspace, records: rows, dryRun: false })
    const storedAnswers = async () => {
      const row = await test.database.db
        .withTables<{ surveys_answers: { response_id: number } }>()
        .selectFrom('surveys_answers')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    }

    beforeEach(async () => {
      const surveys = surveysPlugin()
      test = await createTestApp({ plugins: [surveys, starsPlugin], dialect })
      ctx = createPluginContext(test.database, test.host, surveys)
    })
    afterEach(async () => {
      await test.close()
    })

    it('stores every one of five identical rows, and nothing new when the file comes again', async () => {
      expect(await run(fiveAlike)).toMatchObject({ rows: 5, stored: 5, duplicates: 0, errors: [] })
      expect(await run(fiveAlike)).toMatchObject({ rows: 5, stored: 0, duplicates: 5 })
      expect(await storedAnswers()).toBe(5)
    })

    it('stores only the extra identical rows of a longer file', async () => {
      await run(fiveAlike.slice(0, 3))
      expect(await run(fiveAlike)).toMatchObject({ stored: 2, duplicates: 3 })
      expect(await storedAnswers()).toBe(5)
    })

    it('keys on the source_id column when the file has one', async () => {
      const rows = records([
        { source_id: 'R-1', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
        { source_id: 'R-2', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
        { source_id: 'R-1', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
      ])
      expect(await run(rows)).toMatchObject({ stored: 2, duplicates: 1 })
      // A corrected export of the same source rows replaces nothing and adds nothing.
      const corrected = rows.map((record) => ({ ...record, values: { ...record.values, score: '5' } }))
      expect(await run(corrected)).toMatchObject({ stored: 0, duplicates: 3 })
      expect(await storedAnswers()).toBe(2)
    })

    it('stores nothing new from a file imported under the earlier content-only keys', async () => {
      // Files the earlier importer stored carry a key of the row's content alone.
      await run(records([{ submitted_at: '2020-01-01', question_type: 'stars', score: '1' }]))
      const at = '2026-03-01T00:00:00.000Z'
      const legacyKey = createHash('sha256')
        .update(JSON.stringify(['', '', at, 'stars', 4, '']))
        .digest('base64url')
      await ingestResponses(ctx, createQuestionRegistry(ctx), test.workspace, [
        {
          surveyId: 'imported-stars',
          idempotencyKey: `import:${legacyKey}`,
          submittedAt: at,
          channel: 'import',
          answers: [{ questionId: 'score', value: 4 }],
        },
      ])
      expect(await run(fiveAlike.slice(0, 1))).toMatchObject({ stored: 0, duplicates: 1 })
      expect(await storedAnswers()).toBe(2)
    })

    it('stores all rows of a file in one transaction: a failure part-way stores none', async () => {
      const many = records(
        Array.from({ length: 6_000 }, (_, index) => ({
          submitted_at: '2026-03-01',
          question_type: 'stars',
          score: '4',
          customer: `C-${index}`,
        })),
      )
      // The answers of the last batch (1,000 of 6,000 rows) fail to insert, after two batches went in.
      const failing: PluginContext = {
        ...ctx,
        sql: {
          ...ctx.sql,
          insertRows: async (trx, table, columns, rows, options) => {
            if (table === 'surveys_answers' && rows.length < 5000) throw new Error('disk full')
            return ctx.sql.insertRows(trx, table, columns, rows, options)
          },
        },
      }
      await expect(
        responsesImporter.run(failing, { workspace: test.workspace, records: many, dryRun: false }),
      ).rejects.toThrow('disk full')
      expect(await storedAnswers()).toBe(0)
      expect(await run(many)).toMatchObject({ stored: 6_000 })
    })
  })
}
