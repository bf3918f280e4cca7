import { createTestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { dayNumber } from './day-number.js'

const instants = [
  '1970-01-01T00:00:00.000Z',
  '1999-12-31T23:59:59.999Z',
  '2000-02-29T12:00:00.000Z',
  '2024-03-01T00:00:00.000Z',
  '2026-11-29T21:00:00.000Z',
  '2099-12-31T00:00:00.000Z',
]

for (const dialect of testDialects()) {
  describe(`day numbers in SQL on ${dialect.name}`, () => {
    it('agree with the calendar for every instant, leap days included', async () => {
      const test = await createTestApp({ plugins: [], dialect })
      try {
        for (const instant of instants) {
          const { rows } = await sql<{ day: unknown }>`select ${dayNumber(sql`${instant}`)} as day`.execute(
            test.database.db,
          )
          expect(Number(rows[0]!.day)).toBe(Math.floor(Date.parse(instant) / 86_400_000))
        }
      } finally {
        await test.close()
      }
    })
  })
}
