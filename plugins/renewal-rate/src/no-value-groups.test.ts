import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renewalRatePlugin } from './index.js'

/** Customers whose segment and industry are empty, absent, the literal text `(none)`, or a real value. */
const customers = [
  { externalId: 'EMPTY', segment: '', attributes: { industry: '' } },
  { externalId: 'ABSENT' },
  { externalId: 'NONE-TEXT', segment: '(none)', attributes: { industry: '(none)' } },
  { externalId: 'SMB', segment: 'smb', attributes: { industry: 'retail' } },
]
const period = { from: '2026-01-01', to: '2026-07-01' }

for (const dialect of testDialects()) {
  describe(`renewal-rate groups without a value on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [renewalRatePlugin()], dialect })
      await test.addCustomers(customers)
      await test.json('/api/renewal-rate/subscriptions', {
        method: 'POST',
        body: {
          workspace: test.workspace,
          subscriptions: customers.map((c) => ({
            customerExternalId: c.externalId,
            dueAt: '2026-02-01T00:00:00.000Z',
            renewedAt: null,
          })),
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    for (const groupBy of ['segment', 'attr.industry']) {
      it(`puts empty and absent ${groupBy} in one group, apart from the text (none)`, async () => {
        const { breakdown } = await test.api.metric('renewal-rate', { period, groupBy })
        const groups = (breakdown ?? []).map((row) => ({ keys: row.keys, key: row.key, n: row.n }))
        expect(groups.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
          { keys: [null], key: '(no value)', n: 2 },
          { keys: ['(none)'], key: '(none)', n: 1 },
          { keys: [groupBy === 'segment' ? 'smb' : 'retail'], key: groupBy === 'segment' ? 'smb' : 'retail', n: 1 },
        ])
      })
    }
  })
}
