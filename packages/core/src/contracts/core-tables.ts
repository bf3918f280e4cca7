/**
 * The core tables as Kysely sees them. Every table carries `workspace_id`; instants are ISO-8601 UTC text
 * and JSON columns are text on every dialect, so plugins see the same values on SQLite and PostgreSQL.
 */
export interface CoreTables {
  workspaces: {
    id: string
    name: string
    locale: string
    created_at: string
  }
  customers: {
    id: string
    workspace_id: string
    external_id: string
    email: string | null
    name: string | null
    segment: string | null
    region: string | null
    plan: string | null
    /** JSON object, as text. */
    attributes: string
    created_at: string
    /** `emailKey(email)`: what e-mail matching compares. */
    email_key: string | null
  }
  /** A customer's id in another system (HubSpot, Salesforce, a shop): one per system. */
  customer_identities: {
    workspace_id: string
    source: string
    source_id: string
    customer_id: string
    created_at: string
  }
  stages: {
    id: string
    workspace_id: string
    label_en: string
    label_nl: string | null
    position: number
  }
  metric_settings: {
    workspace_id: string
    metric_id: string
    /** JSON object, as text. */
    settings: string
    updated_at: string
  }
  touchpoints: {
    id: string
    workspace_id: string
    name: string
    stage_id: string
    /** A touchpoint channel (website, e-mail, …): where the company meets the customer. */
    channel: string
    kind: string | null
    owner_team: string | null
    description: string | null
  }
}
