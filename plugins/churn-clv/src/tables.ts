/** The plugin's tables, as Kysely sees them: prefixed with the plugin id, scoped by workspace. */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type ChurnClvTables = {
  churn_clv_transactions: {
    id: string
    workspace_id: string
    customer_id: string
    /** ISO-8601 UTC with milliseconds. */
    occurred_at: string
    /** `occurred_at` as epoch milliseconds. */
    occurred_ms: number
    amount: number
    margin: number | null
    source_id: string | null
    created_at: string
  }
}
