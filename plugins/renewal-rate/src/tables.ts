import type { SubscriptionTables } from '@cxkit/plugin-churn-clv'

/**
 * The tables the plugin reads and writes: the churn & CLV plugin's subscriptions and their terms (the
 * install's one subscriptions table). A subscription written here is one term on a plan.
 */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type RenewalRateTables = SubscriptionTables
