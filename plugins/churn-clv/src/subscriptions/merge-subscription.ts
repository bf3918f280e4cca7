/** A term as stored or sent. */
export interface TermContent {
  readonly dueAt: string
  readonly renewedAt: string | null
  readonly amount: number | null
}

/** A subscription as stored or sent: what is compared when a source id comes again. */
export interface SubscriptionContent {
  /** The customer's external id. */
  readonly customer: string
  readonly plan: string | null
  readonly startedAt: string | null
  readonly cancelledAt: string | null
  readonly endedAt: string | null
  readonly terms: readonly TermContent[]
}

/** What a repeat of a source id brings: nothing new, news to add, or a change to what was stored. */
export type SubscriptionMerge =
  | { readonly kind: 'same' }
  | {
      readonly kind: 'extends'
      readonly cancelledAt: string | null
      readonly endedAt: string | null
      readonly newTerms: readonly TermContent[]
      /** Stored terms that renewed since: due date → renewal instant. */
      readonly renewals: ReadonlyMap<string, string>
    }
  | { readonly kind: 'conflict'; readonly reason: string }

/** A stored value may be filled in once, never changed. */
const fillsIn = (stored: string | null, sent: string | null) => stored === null || sent === null || stored === sent

/**
 * Compares a subscription sent again (same source id) with the stored one. Subscriptions change over
 * time, so a repeat may bring what happened since: new terms, a renewal of a stored term, a notice, an
 * end. It may not change what was stored: another customer, plan or start, a term's amount, a renewal
 * or end at another time. A field the repeat leaves out is kept, never cleared.
 *
 * @example
 * mergeSubscription(stored, { ...stored, endedAt: '2026-06-01T00:00:00.000Z' }).kind // 'extends'
 */
export function mergeSubscription(stored: SubscriptionContent, sent: SubscriptionContent): SubscriptionMerge {
  if (stored.customer !== sent.customer) return { kind: 'conflict', reason: 'another customer' }
  if (stored.plan !== sent.plan) return { kind: 'conflict', reason: 'another plan' }
  if (stored.startedAt !== sent.startedAt) return { kind: 'conflict', reason: 'another start' }
  if (!fillsIn(stored.cancelledAt, sent.cancelledAt)) return { kind: 'conflict', reason: 'another cancellation' }
  if (!fillsIn(stored.endedAt, sent.endedAt)) return { kind: 'conflict', reason: 'another end' }
  const storedTerms = new Map(stored.terms.map((term) => [term.dueAt, term]))
  const newTerms: TermContent[] = []
  const renewals = new Map<string, string>()
  for (const term of sent.terms) {
    const before = storedTerms.get(term.dueAt)
    if (!before) {
      newTerms.push(term)
      continue
    }
    if (before.amount !== term.amount && term.amount !== null) {
      return { kind: 'conflict', reason: `another amount for the term due ${term.dueAt}` }
    }
    if (!fillsIn(before.renewedAt, term.renewedAt)) {
      return { kind: 'conflict', reason: `another renewal of the term due ${term.dueAt}` }
    }
    if (before.renewedAt === null && term.renewedAt !== null) renewals.set(term.dueAt, term.renewedAt)
  }
  const cancelledAt = stored.cancelledAt === null ? sent.cancelledAt : null
  const endedAt = stored.endedAt === null ? sent.endedAt : null
  if (newTerms.length === 0 && renewals.size === 0 && cancelledAt === null && endedAt === null) return { kind: 'same' }
  return { kind: 'extends', cancelledAt, endedAt, newTerms, renewals }
}
