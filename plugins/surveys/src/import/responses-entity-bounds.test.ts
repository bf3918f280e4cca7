import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { surveysPlugin } from '../index.js'
import { importResponses } from '../test-support/import-responses.js'

const good = { submitted_at: '2026-03-01', question_type: 'stars', score: '4' }

for (const dialect of testDialects()) {
  describe(`the responses importer refuses what the database cannot hold, on ${dialect.name}`, () => {
    let test: TestApp
    const run = (rows: Record<string, string>[], onError: 'abort' | 'skip' = 'abort') =>
      importResponses(test, rows, { onError })
    const stored = async () => {
      const row = await test.database.db
        .selectFrom('surveys_responses' as never)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number((row as { n: number }).n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin, crmImportPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('names the cell with a NUL, a lone surrogate, a year out of range or an over-long customer id', async () => {
      const report = await run([
        { ...good, comment: 'fine\u0000' },
        { ...good, customer: 'C-\uDC00' },
        { ...good, submitted_at: '1969-12-31' },
        { ...good, customer: 'C'.repeat(201) },
        good,
      ])
      expect(report.errors).toEqual([
        { line: 2, column: 'comment', position: 4, message: expect.stringContaining('NUL') },
        { line: 3, column: 'customer', position: 5, message: expect.stringContaining('NUL') },
        { line: 4, column: 'submitted_at', position: 1, message: expect.stringContaining('1970') },
        { line: 5, column: 'customer', position: 5, message: expect.stringContaining('200') },
      ])
      expect(await stored()).toBe(0)
    })

    it('lists the first 100 problems of a file full of them and counts them all', async () => {
      const report = await run(
        Array.from({ length: 5000 }, () => ({ ...good, score: 'x', channel: 'pigeon' })),
        'skip',
      )
      expect(report.errors).toHaveLength(100)
      expect(report.errorCount).toBe(10_000)
      expect(report.rejected).toBe(5000)
      expect(await stored()).toBe(0)
    })
  })
}
