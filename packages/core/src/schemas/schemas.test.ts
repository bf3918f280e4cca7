import { describe, expect, it } from 'vitest'
import { parseInput } from '../errors/validation-error.js'
import { instantSchema } from './common.js'
import { customerSchema } from './customer.js'
import { metricQuerySchema } from './metric-query.js'
import { textSchema } from './text.js'
import { transactionSchema } from './transaction.js'

describe('domain schemas', () => {
  it('normalises a metric query period to ISO instants', () => {
    const query = metricQuerySchema.parse({ workspace: 'demo', period: { from: '2026-01-01', to: '2026-04-01' } })
    expect(query.period).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })
    expect(query.filters).toEqual({})
  })

  it('names the offending field of a bad query', () => {
    expect(() =>
      parseInput(metricQuerySchema, { workspace: 'demo', period: { from: '2026-05-01', to: '2026-04-01' } }, 'query'),
    ).toThrow('query.period.to')
    expect(() =>
      parseInput(
        metricQuerySchema,
        { workspace: 'demo', period: { from: '2026-01-01', to: '2026-04-01' }, groupBy: 'Colour!' },
        'query',
      ),
    ).toThrow('query.groupBy')
  })

  it('accepts segment attributes and rejects a bad e-mail', () => {
    expect(customerSchema.parse({ externalId: 'c1', attributes: { industry: 'retail' } }).attributes).toEqual({
      industry: 'retail',
    })
    expect(customerSchema.safeParse({ externalId: 'c1', email: 'not-an-email' }).success).toBe(false)
  })

  it('upper-cases currency codes and converts offsets to UTC', () => {
    const tx = transactionSchema.parse({
      customerExternalId: 'c1',
      occurredAt: '2026-03-01T10:00:00+01:00',
      amount: 12.5,
      currency: 'eur',
    })
    expect(tx.currency).toBe('EUR')
    expect(tx.occurredAt).toBe('2026-03-01T09:00:00.000Z')
  })

  it('refuses NUL and lone surrogates in text, and keeps pairs such as emoji', () => {
    const text = textSchema(10)
    expect(text.safeParse('ok 👍').success).toBe(true)
    expect(text.safeParse('a\u0000b').success).toBe(false)
    expect(text.safeParse('a\uD83Db').success).toBe(false)
    expect(text.safeParse('a\uDC4Db').success).toBe(false)
  })

  it('takes instants from 1970 up to 2100 only', () => {
    expect(instantSchema.safeParse('1970-01-01T00:00:00Z').success).toBe(true)
    expect(instantSchema.safeParse('2099-12-31T23:59:59.999Z').success).toBe(true)
    expect(instantSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false)
    expect(instantSchema.safeParse('0000-01-01T00:30:00+01:00').success).toBe(false)
    expect(instantSchema.safeParse('2100-01-01T00:00:00.000Z').success).toBe(false)
  })
})
