import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { instantSchema } from './common.js'
import { parsedSynchronously } from './parsed-synchronously.js'

describe('parsedSynchronously', () => {
  const schema = z.object({ at: instantSchema, n: z.number().int().max(10) }).strict()
  const synchronous = parsedSynchronously(schema)

  it('gives the same result as the schema, through the asynchronous entry points too', async () => {
    const input = { at: '2026-03-01T10:00:00+01:00', n: 3 }
    expect(await synchronous.safeParseAsync(input)).toEqual(schema.safeParse(input))
    expect(await synchronous.parseAsync(input)).toEqual({ at: '2026-03-01T09:00:00.000Z', n: 3 })
    const bad = { at: 'yesterday', n: 11, extra: true }
    const result = await synchronous.safeParseAsync(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['', 'at', 'n'])
  })

  it('leaves the original schema as it was', async () => {
    expect(schema.safeParseAsync).not.toBe(synchronous.safeParseAsync)
    await expect(schema.parseAsync({ at: '2026-03-01T09:00:00.000Z', n: 1 })).resolves.toEqual({
      at: '2026-03-01T09:00:00.000Z',
      n: 1,
    })
  })

  it('refuses a schema that needs an asynchronous check', async () => {
    const asyncCheck = parsedSynchronously(z.string().refine(async (value) => value.length > 1))
    await expect(asyncCheck.safeParseAsync('ab')).rejects.toThrow()
  })
})

describe('instantSchema', () => {
  it.each([
    ['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T10:00:00.000+01:00', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T00:30:00-02:00', '2026-03-01T02:30:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(instantSchema.parse(input)).toBe(expected)
  })

  it.each(['2026-02-30T09:00:00.000Z', '2026-03-01 09:00:00', '2026-03-01T25:00:00.000Z', 'not a date'])(
    'rejects %s',
    (input) => {
      expect(instantSchema.safeParse(input).success).toBe(false)
    },
  )
})
