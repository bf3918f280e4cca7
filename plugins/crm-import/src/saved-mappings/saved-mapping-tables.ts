/** The saved-mappings table, as Kysely sees it. */
// A type alias, not an interface: Kysely's withTables needs the implicit index signature.
export type SavedMappingTables = {
  crm_import_mappings: {
    workspace_id: string
    entity: string
    header_signature: string
    /** JSON of a `ColumnMapping`. */
    mapping: string
    updated_at: string
  }
}
