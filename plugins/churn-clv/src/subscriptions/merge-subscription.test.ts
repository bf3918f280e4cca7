import { describe, expect, it } from 'vitest'
import { mergeSubscription, type SubscriptionContent } from './merge-subscription.js'

const stored: SubscriptionContent = {
  customer: 'C-1',
  plan: 'plus',
  startedAt: '2026-01-01T00:00:00.000Z',
  cancelledAt: null,
  endedAt: null,
  terms: [{ dueAt: '2026-04-01T00:00:00.000Z', renewedAt: null, amount: 99 }],
}

describe('mergeSubscription', () => {
  it('calls an exact repeat, or one that leaves fields out, the same', () => {
    expect(mergeSubscription(stored, stored)).toEqual({ kind: 'same' })
    expect(mergeSubscription(stored, { ...stored, terms: [] })).toEqual({ kind: 'same' })
  })

  it('adds what happened since: a renewal, a new term, a notice and an end', () => {
    const merge = mergeSubscription(stored, {
      ...stored,
      cancelledAt: '2026-06-15T00:00:00.000Z',
      endedAt: '2026-07-01T00:00:00.000Z',
      terms: [
        { dueAt: '2026-04-01T00:00:00.000Z', renewedAt: '2026-03-30T00:00:00.000Z', amount: 99 },
        { dueAt: '2026-07-01T00:00:00.000Z', renewedAt: null, amount: 99 },
      ],
    })
    expect(merge).toEqual({
      kind: 'extends',
      cancelledAt: '2026-06-15T00:00:00.000Z',
      endedAt: '2026-07-01T00:00:00.000Z',
      newTerms: [{ dueAt: '2026-07-01T00:00:00.000Z', renewedAt: null, amount: 99 }],
      renewals: new Map([['2026-04-01T00:00:00.000Z', '2026-03-30T00:00:00.000Z']]),
    })
  })

  it.each([
    ['another customer', { customer: 'C-2' }],
    ['another plan', { plan: 'basic' }],
    ['another start', { startedAt: '2026-01-02T00:00:00.000Z' }],
    [
      'another amount for the term due 2026-04-01T00:00:00.000Z',
      { terms: [{ dueAt: '2026-04-01T00:00:00.000Z', renewedAt: null, amount: 89 }] },
    ],
  ])('refuses %s', (reason, change) => {
    expect(mergeSubscription(stored, { ...stored, ...change })).toEqual({ kind: 'conflict', reason })
  })

  it('refuses an end at another time than the stored one', () => {
    const ended = { ...stored, endedAt: '2026-07-01T00:00:00.000Z' }
    expect(mergeSubscription(ended, { ...ended, endedAt: '2026-08-01T00:00:00.000Z' })).toEqual({
      kind: 'conflict',
      reason: 'another end',
    })
  })
})
