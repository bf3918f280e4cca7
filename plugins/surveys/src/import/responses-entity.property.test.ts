import { isCxError } from '@cxkit/core'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { hostileInstant, hostileText, mostly, propertyRuns } from '@cxkit/testing/hostile-input'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowCounts } from '../test-support/clean-answer.js'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { surveysPlugin } from '../index.js'
import { importResponses } from '../test-support/import-responses.js'

const text = mostly(fc.stringMatching(/^[A-Za-z0-9 -]{1,12}$/), hostileText)

/** A spreadsheet row: mostly cells the importer reads, some hostile ones. */
const row = fc.record(
  {
    submitted_at: mostly(fc.constantFrom('2026-03-01', '01-03-2026 14:05'), hostileInstant),
    question_type: mostly(fc.constant('stars'), hostileText),
    score: mostly(fc.constantFrom('1', '4', '5', '4,0'), hostileText),
    customer: text,
    touchpoint: hostileText,
    comment: text,
    channel: mostly(fc.constantFrom('import', 'email'), hostileText),
    locale: mostly(fc.constantFrom('en', 'nl'), hostileText),
  },
  { requiredKeys: ['submitted_at', 'question_type', 'score'] },
)

for (const dialect of testDialects()) {
  describe(`no spreadsheet makes the responses importer fail or half-write, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin, crmImportPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('stores every row, or reports problems by row and column and stores none', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
          const before = await rowCounts(test)
          try {
            const report = await importResponses(test, rows)
            if (report.errors.length === 0) return
            for (const error of report.errors) expect(error.column).toBeTruthy()
          } catch (error) {
            // A refusal the importer's own checks let through must still be a 4xx naming a field.
            if (!isCxError(error) || error.status >= 500) throw error
          }
          const after = await rowCounts(test)
          // A refused import may have filed its survey, but never a response.
          expect(after.slice(1)).toEqual(before.slice(1))
        }),
        { numRuns: propertyRuns },
      )
    })
  })
}
