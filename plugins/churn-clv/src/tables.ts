/** The plugin's tables, as Kysely sees them: prefixed with the plugin id, scoped by workspace. */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type ChurnClvTables = SubscriptionTables & {
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

/** Subscriptions and their terms (see migration 002): the install's one subscriptions table. */
export type SubscriptionTables = {
  churn_clv_subscriptions: {
    id: string
    workspace_id: string
    customer_id: string
    plan: string | null
    /** ISO-8601 UTC; null only for terms carried over from renewal-rate's own table. */
    started_at: string | null
    /** When notice was given. */
    cancelled_at: string | null
    /** When the subscription stopped being in force. */
    ended_at: string | null
    source_id: string | null
    created_at: string
  }
  churn_clv_subscription_terms: {
    id: string
    workspace_id: string
    subscription_id: string
    due_at: string
    /** Null: not renewed (or not yet). */
    renewed_at: string | null
    /** What the term is worth in the workspace currency; null when unknown. */
    amount: number | null
    created_at: string
  }
}

/** The CLV model tables: settings, fits and the latest fit's per-customer scores. */
export type ChurnClvModelTables = {
  churn_clv_settings: {
    workspace_id: string
    margin_rate: number
    yearly_discount_rate: number
    /** off | daily | weekly (migration 005). */
    refit_every: string
    updated_at: string
  }
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
  churn_clv_fit_jobs: {
    id: string
    workspace_id: string
    /** queued | running | succeeded | failed */
    status: string
    /** api | schedule | cli */
    trigger: string
    model: string
    unit: string
    until: string
    horizon: number
    requested_at: string
    started_at: string | null
    finished_at: string | null
    lease_expires_at: string
    fit_id: string | null
    /** JSON problem document of a failed job. */
    problem: string | null
  }
  /** A fit's histogram, tracking and CLV distribution as JSON text, null until computed (migration 006). */
  churn_clv_fit_diagnostics: {
    fit_id: string
    diagnostics: string | null
    distribution: string | null
    updated_at: string
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

/** The churn-risk list's settings and the retention team's contacts (see migration 004). */
export type ChurnRiskTables = {
  churn_clv_risk_settings: { workspace_id: string; alive_threshold: number; recent_days: number; updated_at: string }
  churn_clv_contacts: {
    id: string
    workspace_id: string
    customer_id: string
    /** ISO-8601 UTC with milliseconds: when the customer was reached (or tried). */
    contacted_at: string
    contacted_by: string
    note: string | null
    outcome: string
    created_at: string
  }
}
