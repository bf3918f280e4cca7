/** The plugin's table, as Kysely sees it: prefixed with the plugin id, scoped by workspace. */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type RenewalRateTables = {
  renewal_rate_subscriptions: {
    id: string
    workspace_id: string
    customer_id: string
    product: string | null
    due_at: string
    renewed_at: string | null
    created_at: string
  }
}
