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

/** The CLV model tables: settings, fits and the latest fit's per-customer scores. */
export type ChurnClvModelTables = {
  churn_clv_settings: { workspace_id: string; margin_rate: number; yearly_discount_rate: number; updated_at: string }
  churn_clv_fits: {
    id: string
    workspace_id: string
    model: string
    unit: string
    until: string
    horizon: number
    result: string
    customers: number
    repeat_customers: number
    created_at: string
  }
  churn_clv_scores: {
    workspace_id: string
    customer_id: string
    fit_id: string
    expected_purchases: number
    probability_alive: number
    expected_spend: number
    clv: number
  }
}
