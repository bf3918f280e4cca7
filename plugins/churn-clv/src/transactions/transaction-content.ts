/** What makes two transactions with one source id the same transaction: everything the sender said about it. */
export interface TransactionContent {
  /** The customer's external id. */
  readonly customer: string
  readonly occurredAt: string
  readonly amount: number
  readonly margin: number | null
}

/**
 * True when the two say the same: the second is a repeat of the first, not another transaction.
 *
 * @example
 * sameTransactionContent(stored, incoming) // false when only the margin differs
 */
export function sameTransactionContent(a: TransactionContent, b: TransactionContent): boolean {
  return a.customer === b.customer && a.occurredAt === b.occurredAt && a.amount === b.amount && a.margin === b.margin
}
