/** The plugin's tables, as Kysely sees them: prefixed with the plugin id, scoped by workspace. */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type JourneyTables = {
  journey_events: {
    id: string
    workspace_id: string
    customer_id: string
    touchpoint_id: string
    /** ISO-8601 UTC with milliseconds. */
    occurred_at: string
    /** `occurred_at` as epoch milliseconds: what windows and orderings compute with. */
    occurred_ms: number
    session_id: string | null
    source_id: string | null
    /** JSON object, as text. */
    attributes: string
    created_at: string
  }
  journey_maps: {
    workspace_id: string
    id: string
    name: string
    persona: string | null
    segment: string | null
    current_version: number
    created_at: string
    updated_at: string
  }
  journey_map_versions: {
    workspace_id: string
    map_id: string
    version: number
    /** JSON `JourneyMapContent`, as text. */
    content: string
    author: string | null
    created_at: string
  }
}
