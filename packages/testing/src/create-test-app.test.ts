import { defineMetric, definePlugin, proportion } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { createTestApp } from './create-test-app.js'
import { testDialects } from './index.js'

// A metric over the core customers table: the share of customers on the premium plan.
const premiumShare = defineMetric({
  id: 'premium-share',
  label: { en: 'Premium share' },
  unit: 'ratio',
  direction: 'higher-is-better',
  async compute({ db }, { workspace }) {
    const row = await db
      .selectFrom('customers')
      .where('workspace_id', '=', workspace)
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('plan', '=', 'premium').then(1).else(0).end()).as('hits'),
      ])
      .executeTakeFirstOrThrow()
    return proportion(row.hits, row.n)
  },
})
const plugin = definePlugin({ id: 'premium', version: '1.0.0', metrics: [premiumShare] })()
const period = { from: '2026-01-01', to: '2026-02-01' }

for (const dialect of testDialects()) {
  describe(`createTestApp on ${dialect.name}`, () => {
    it('runs a plugin metric through the HTTP API on a migrated database', async () => {
      const test = await createTestApp({ plugins: [plugin], dialect })
      try {
        expect((await test.api.metric('premium-share', { period })).value).toBeNull()
        await test.database.db
          .insertInto('customers')
          .values(
            ['premium', 'basic', 'premium', 'plus'].map((plan, i) => ({
              id: `c${i}`,
              workspace_id: test.workspace,
              external_id: `C${i}`,
              email: null,
              name: null,
              segment: null,
              region: null,
              plan,
              attributes: '{}',
              created_at: '2026-01-01T00:00:00.000Z',
            })),
          )
          .execute()
        const result = await test.api.metric('premium-share', { period })
        expect(result).toMatchObject({ value: 0.5, n: 4 })
        expect(result.interval?.lower).toBeLessThan(0.5)
      } finally {
        await test.close()
      }
    })
  })
}

it('reports a failing request with its problem document', async () => {
  const test = await createTestApp({ plugins: [plugin] })
  try {
    // A misspelt metric id does not compile; forced through, the server still answers with a clear 404.
    // @ts-expect-error 'nope' is not a metric of the plugins under test
    await expect(test.api.metric('nope', { period })).rejects.toThrow(/404.*CXKIT_METRIC_NOT_FOUND/)
  } finally {
    await test.close()
  }
})
