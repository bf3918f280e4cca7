import { CxValidationError, createHost } from '@cxkit/core'
import { migrate, runMetric } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { seedDemoWorkspace } from '@cxkit/demo'
import { describe, expect, it } from 'vitest'
import config from '../cxkit.config.js'

const host = createHost(config.plugins)
const [sqlite, postgres] = testDialects()
const now = new Date('2026-06-30T12:00:00Z')
const periods = [
  { from: '2025-07-01', to: '2026-07-01' }, // whole days: survey metrics read the daily rollup
  // partial days: the whole days inside from the rollup, the two edge days from their answers
  { from: '2025-07-01T06:00:00Z', to: '2026-06-30T18:00:00Z' },
]

/** Every metric of the bundled app, ungrouped and grouped every way it offers, on one database. */
async function computeEverything(dialect: NonNullable<typeof sqlite>) {
  const database = await dialect.open()
  try {
    await migrate(database, host)
    await seedDemoWorkspace(database, host, { seed: 7, customers: 150, now })
    const results: Record<string, unknown> = {}
    for (const { metric } of host.metrics) {
      for (const period of periods) {
        const groupings = [
          '',
          ...metric.groupBy.filter((g) => g !== 'attr.*'),
          'attr.acquisition',
          'week,touchpoint',
        ].filter(
          (g) =>
            g === '' ||
            g
              .split(',')
              .every(
                (part) =>
                  metric.groupBy.includes(part) || (part.startsWith('attr.') && metric.groupBy.includes('attr.*')),
              ),
        )
        for (const groupBy of groupings) {
          const key = `${metric.id} ${period.from} ${groupBy}`
          // A grouping a metric refuses for this period (a trend of too many days) must be refused alike on both.
          results[key] = await runMetric(database, host, metric.id, {
            workspace: 'demo',
            period,
            groupBy,
            compare: groupBy ? undefined : 'previous',
          }).catch((error: unknown) => {
            if (error instanceof CxValidationError) return { refused: error.message }
            throw error
          })
        }
      }
    }
    return results
  } finally {
    await database.close()
  }
}

describe.skipIf(!postgres)('the bundled app on SQLite and PostgreSQL', () => {
  it('computes the same value, n and interval for every metric and grouping on both', async () => {
    const [onSqlite, onPostgres] = await Promise.all([computeEverything(sqlite!), computeEverything(postgres!)])
    expect(Object.keys(onSqlite).length).toBeGreaterThan(50)
    // Same seed, same data: results agree to floating-point noise.
    expect(
      JSON.parse(JSON.stringify(onPostgres, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v))),
    ).toEqual(JSON.parse(JSON.stringify(onSqlite, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v))))
  }, 120_000)
})
