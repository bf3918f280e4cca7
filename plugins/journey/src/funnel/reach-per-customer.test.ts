import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSteps } from '../analysis/resolve-steps.js'
import { journeyPlugin } from '../index.js'
import { customers, day, events, funnelSteps, stages } from '../test-support/hand-checked-journeys.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'
import { funnelPartQuery } from './count-funnel-part.js'
import { funnelGroup } from './funnel-group.js'

for (const dialect of testDialects()) {
  describe(`the funnel's plan on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const data = await seedJourneyTestData(test, stages, customers)
      await data.addEvents(events)
    })
    afterAll(() => test?.close())

    // Merged into the query around it, a step's look-up would be written out once per mention of its
    // column (the count and the times both read it) and run that many times per customer.
    it('looks each later step up once per customer, grouped or not', async () => {
      const ctx = { db: test.database.db, sql: test.database.sql }
      const steps = await resolveSteps(ctx, test.workspace, funnelSteps, 'steps')
      for (const group of [undefined, funnelGroup(ctx.sql, 'segment')]) {
        const query = funnelPartQuery(
          ctx,
          { workspace: test.workspace, steps, windowMs: 14 * day },
          { ...(group ? { group } : {}), maxRows: 51 },
        ).compile()
        const explain = dialect.name === 'sqlite' ? 'explain query plan' : 'explain (verbose)'
        const { rows } = await test.database.db.executeQuery<Record<string, string>>(
          CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
        )
        const plan = rows.map((row) => row.detail ?? row['QUERY PLAN']).join('\n')
        const lookUps = (plan.match(dialect.name === 'sqlite' ? /CORRELATED SCALAR SUBQUERY/g : /SubPlan \d+\n/g) ?? [])
          .length
        expect(lookUps, plan).toBe(steps.length - 1)
      }
    })
  })
}
