// A type alias, not an interface: Kysely's withTables needs the implicit index signature.

/** The crm-import plugin's tables, as Kysely sees them (`db.withTables<CrmImportTables>()`). */
export type CrmImportTables = {
  crm_import_runs: {
    id: string
    workspace_id: string
    entity: string
    file: string
    /** The system the rows came from (`salesforce`, `hubspot`, `import`). */
    source: string
    /** Who ran it: a user's e-mail, `cli:<os user>`. */
    actor: string
    /** JSON: mapping, locale, date order, on-error. */
    options: string
    status: ImportStatus
    rows: number
    inserted: number
    updated: number
    unchanged: number
    rejected: number
    error_count: number
    started_at: string
    finished_at: string | null
    undone_at: string | null
  }
  crm_import_changes: {
    import_id: string
    /** Order of the change within its import: undo goes from the highest down. */
    seq: number
    change_key: string
    /** JSON of the row before the import changed it; null when the import created it. */
    before: string | null
  }
}

/**
 * `imported`: written and committed; `aborted`: a bad row with `--on-error abort`, nothing written;
 * `dry-run`: checked and counted, nothing written; `failed`: the database or the file failed part-way,
 * nothing written; `running` is only ever seen inside the import's own transaction.
 */
export type ImportStatus = 'running' | 'imported' | 'aborted' | 'dry-run' | 'failed'
