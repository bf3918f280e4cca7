import { CxError, type Workspace } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'

export interface WorkspaceRow extends Workspace {
  createdAt: string
}

/**
 * Creates a workspace. Ids are unique; a second create with the same id fails.
 *
 * @example
 * await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
 */
export async function createWorkspace(database: CxDatabase, workspace: Workspace): Promise<WorkspaceRow> {
  const createdAt = new Date().toISOString()
  await database.db
    .insertInto('workspaces')
    .values({ id: workspace.id, name: workspace.name, locale: workspace.locale, created_at: createdAt })
    .execute()
  return { ...workspace, createdAt }
}

/** Every workspace, by name. */
export async function listWorkspaces(database: CxDatabase): Promise<WorkspaceRow[]> {
  const rows = await database.db.selectFrom('workspaces').selectAll().orderBy('name').orderBy('id').execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    locale: row.locale as Workspace['locale'],
    createdAt: row.created_at,
  }))
}

/** Throws a 404 CxError unless the workspace exists: every workspace-scoped request starts here. */
export async function requireWorkspace(database: CxDatabase, id: string): Promise<void> {
  const row = await database.db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst()
  if (!row) throw new CxError('CXKIT_WORKSPACE_NOT_FOUND', `workspace '${id}' does not exist`, { status: 404 })
}
