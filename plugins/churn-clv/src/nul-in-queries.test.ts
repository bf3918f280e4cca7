import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from './index.js'

// PostgreSQL refuses a NUL in text with an error, where SQLite just finds nothing: each of these
// must be a 400 naming the field on both, never a 500.
const badRequests = (workspace: string): [path: string, field: string][] => [
  ['/api/churn-clv/clv/fit?workspace=a%00b', 'query.workspace'],
  ['/api/churn-clv/clv/fits?workspace=a%00b', 'query.workspace'],
  [`/api/churn-clv/clv/fits/a%00b?workspace=${workspace}`, 'jobId'],
  ['/api/churn-clv/clv/distribution?workspace=a%00b', 'query.workspace'],
  ['/api/churn-clv/clv/diagnostics?workspace=a%00b', 'query.workspace'],
  ['/api/churn-clv/risk?workspace=a%00b', 'query.workspace'],
  [`/api/churn-clv/risk/contacts?workspace=${workspace}&customer=a%00b`, 'query.customer'],
  ['/api/churn-clv/cohorts?workspace=a%00b', 'query.workspace'],
  ['/api/churn-clv/survival?workspace=a%00b&from=2026-01-01&to=2026-02-01', 'query.workspace'],
]

for (const dialect of testDialects()) {
  describe(`NUL characters in churn & CLV queries on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('answers 400 naming the field', async () => {
      for (const [path, field] of badRequests(test.workspace)) {
        const response = await test.request(path)
        expect({ path, status: response.status }).toEqual({ path, status: 400 })
        expect(JSON.stringify(await response.json())).toContain(field)
      }
    })
  })
}
