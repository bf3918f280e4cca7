import { createHash } from 'node:crypto'
import type { PluginContext } from '@cxkit/core'
import { createPluginContext } from '@cxkit/db'
import { crmImportPlugin, undoImport } from '@cxkit/plugin-crm-import'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'
import { ingestResponses } from '../ingest-responses.js'
import { createQuestionRegistry } from '../question-registry.js'
import { importDatabase, importResponses } from '../test-support/import-responses.js'
import { starsPlugin } from '../test-support/stars-plugin.js'

type Rows = Record<string, string>[]
const records = (rows: Rows) => rows

const fiveAlike = records(
  Array.from({ length: 5 }, () => ({ submitted_at: '2026-03-01', question_type: 'stars', score: '4' })),
)

for (const dialect of testDialects()) {
  describe(`responses import on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: PluginContext
    const run = (rows: Rows) => importResponses(test, rows)
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
      test = await createTestApp({ plugins: [surveys, starsPlugin, crmImportPlugin()], dialect })
      ctx = createPluginContext(test.database, test.host, surveys)
    })
    afterEach(async () => {
      await test.close()
    })

    it('stores every one of five identical rows, and nothing new when the file comes again', async () => {
      expect(await run(fiveAlike)).toMatchObject({ rows: 5, inserted: 5, unchanged: 0, errors: [] })
      expect(await run(fiveAlike)).toMatchObject({ rows: 5, inserted: 0, unchanged: 5 })
      expect(await storedAnswers()).toBe(5)
    })

    it('stores only the extra identical rows of a longer file', async () => {
      await run(fiveAlike.slice(0, 3))
      expect(await run(fiveAlike)).toMatchObject({ inserted: 2, unchanged: 3 })
      expect(await storedAnswers()).toBe(5)
    })

    it('keys on the source_id column when the file has one', async () => {
      const rows = records([
        { source_id: 'R-1', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
        { source_id: 'R-2', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
        { source_id: 'R-1', submitted_at: '2026-03-01', question_type: 'stars', score: '4' },
      ])
      expect(await run(rows)).toMatchObject({ inserted: 2, unchanged: 1 })
      // A corrected export of the same source rows replaces nothing and adds nothing.
      const corrected = rows.map((row) => ({ ...row, score: '5' }))
      expect(await run(corrected)).toMatchObject({ inserted: 0, unchanged: 3 })
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
      expect(await run(fiveAlike.slice(0, 1))).toMatchObject({ inserted: 0, unchanged: 1 })
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
      // The answers of the last batch (2,000 of 6,000 rows) fail to insert, after two batches went in.
      let answerWrites = 0
      const failing = {
        ...importDatabase(test),
        sql: {
          ...ctx.sql,
          insertRows: async (...args: Parameters<PluginContext['sql']['insertRows']>) => {
            if (args[1] === 'surveys_answers' && ++answerWrites === 3) throw new Error('disk full')
            return ctx.sql.insertRows(...args)
          },
        },
      }
      await expect(importResponses(test, many, { database: failing })).rejects.toThrow('disk full')
      expect(answerWrites).toBe(3)
      expect(await storedAnswers()).toBe(0)
      expect(await run(many)).toMatchObject({ inserted: 6_000 })
    })

    it('rejects a row whose touchpoint the workspace lacks, naming the column', async () => {
      const report = await importResponses(test, [
        { submitted_at: '01-03-2026', question_type: 'stars', score: '4,0', touchpoint: 'kiosk' },
      ])
      expect(report).toMatchObject({ status: 'aborted', rejected: 1, inserted: 0 })
      expect(report.errors).toEqual([
        { line: 2, column: 'touchpoint', position: 4, message: "no touchpoint 'kiosk' in workspace 'test'" },
      ])
      expect(await storedAnswers()).toBe(0)
    })

    it('undo deletes the responses the import stored and takes them out of the metrics', async () => {
      await run(fiveAlike.slice(0, 2))
      const second = await run([
        ...fiveAlike,
        { submitted_at: '2026-03-02', question_type: 'stars', score: '2', comment: 'slow' },
      ])
      expect(second).toMatchObject({ inserted: 4, unchanged: 2 })
      const rollup = () =>
        test.database.db
          .withTables<{ surveys_answer_rollups: { day: string; score: number; answers: number } }>()
          .selectFrom('surveys_answer_rollups')
          .select(['day', 'score', 'answers'])
          .orderBy('day')
          .execute()
      expect((await rollup()).map((r) => [r.day, Number(r.score), Number(r.answers)])).toEqual([
        ['2026-03-01', 4, 5],
        ['2026-03-02', 2, 1],
      ])
      await undoImport(importDatabase(test), test.host, second.importId)
      expect(await storedAnswers()).toBe(2)
      expect((await rollup()).map((r) => [r.day, Number(r.score), Number(r.answers)])).toEqual([['2026-03-01', 4, 2]])
      expect(await run(fiveAlike)).toMatchObject({ inserted: 3, unchanged: 2 })
    })
  })
}
