import { createTestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { dayMs, dayNumber } from './day-number.js'

/** Midnights and the instants either side of them, before and after 1970, to the ends of the ISO years. */
const instants = [
  '0000-01-01T00:00:00.000Z',
  '0001-03-01T12:00:00.000Z',
  '1899-12-31T23:59:59.999Z',
  '1969-12-31T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '1970-01-01T00:00:00.001Z',
  '2000-02-29T12:00:00.000Z',
  '2026-11-29T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
]

for (const dialect of testDialects()) {
  describe(`purchase day numbers on ${dialect.name}`, () => {
    it('floor the epoch milliseconds to the UTC day, before 1970 too', async () => {
      const test = await createTestApp({ plugins: [], dialect })
      try {
        for (const instant of instants) {
          const ms = Date.parse(instant)
          const { rows } = await sql<{ day: unknown }>`select ${dayNumber(sql`cast(${ms} as bigint)`)} as day`.execute(
            test.database.db,
          )
          expect([instant, Number(rows[0]!.day)]).toEqual([instant, Math.floor(ms / dayMs)])
        }
      } finally {
        await test.close()
      }
    })
  })
}
