// Type aliases, not interfaces: Kysely's withTables needs the implicit index signature.

/** The engine's tables: prefixed `surveys_`, scoped by workspace. */
export type SurveysTables = {
  surveys_surveys: {
    workspace_id: string
    id: string
    name: string
    kind: string
    touchpoint_id: string | null
    stage_id: string | null
    status: string
    /** JSON: { locales, questions } */
    definition: string
    contact_rule_days: number
    /** 1: the widget and public API take a customer id only with its signature (migration 007). */
    verified_customers: number
    public_token: string
    /** Key for signing personal links; never leaves the server. */
    link_secret: string
    /** The key before the last rotation: links it signed still work until it is dropped (migration 010). */
    previous_link_secret: string | null
    /** Days a new personal link stays valid (migration 010). */
    link_valid_days: number
    created_at: string
    updated_at: string
  }
  /** One submitted response: where, when, from whom (see migration 006). */
  surveys_responses: {
    /** Integer key, numbered by the database (SQLite rowid, PostgreSQL identity). */
    id: number
    workspace_id: string
    survey_id: string
    customer_id: string | null
    customer_external_id: string | null
    channel: string
    touchpoint_id: string | null
    stage_id: string | null
    locale: string
    segment: string | null
    region: string | null
    plan: string | null
    /** JSON object; NULL when there are none. */
    attributes: string | null
    submitted_at: string
    idempotency_key: string | null
    received_at: string
    /** Digest of a keyed response's content (migration 008); NULL without a key, or stored before it. */
    content_hash: string | null
  }
  /** One row per answered question; the dimensions are the response's. */
  surveys_answers: {
    response_id: number
    question_id: string
    question_type: string
    score: number | null
    scale_max: number | null
    text: string | null
    choices: string | null
  }
}

/** Daily counts of scored answers (see migration 003): '' stands for an empty dimension. */
export type RollupTables = {
  surveys_answer_rollups: {
    workspace_id: string
    question_type: string
    survey_id: string
    day: string
    touchpoint_id: string
    stage_id: string
    channel: string
    locale: string
    segment: string
    region: string
    plan: string
    scale_max: number
    score: number
    answers: number
  }
}

/** Webhooks and their delivery outbox. */
export type WebhookTables = {
  surveys_webhooks: {
    id: string
    workspace_id: string
    url: string
    secret: string
    active: number
    created_at: string
  }
  surveys_webhook_deliveries: {
    id: string
    workspace_id: string
    webhook_id: string
    event: string
    payload: string
    status: 'pending' | 'delivered' | 'failed'
    attempts: number
    next_attempt_at: string
    last_error: string | null
    created_at: string
    delivered_at: string | null
    /** Until when the instance that claimed the delivery may send it (migration 009). */
    claimed_until: string | null
    /** Which claim holds the delivery: only that claim may record the outcome. */
    claim_token: string | null
  }
}
