import { CxError, type StageModel, type Workspace } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { CoreTables } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'
import { workspaceScopedTables } from './workspace-scoped-tables.js'

export interface WorkspaceRow extends Workspace {
  createdAt: string
}

/** How many rows of one table belong to a workspace. */
export interface WorkspaceTableRows {
  table: string
  rows: number
}

/**
 * Creates a workspace and, when a stage model is given, its stages, in one transaction: either both
 * are stored or neither. Ids are unique; a second create with the same id fails with a 409 CxError.
 *
 * @example
 * await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' }, defaultStageModel)
 */
export async function createWorkspace(
  database: CxDatabase,
  workspace: Workspace,
  stageModel?: StageModel,
): Promise<WorkspaceRow> {
  const createdAt = new Date().toISOString()
  await database.sql
    .transaction(database.db, async (trx) => {
      if (await findWorkspace(trx, workspace.id)) throw workspaceExists(workspace.id)
      await trx
        .insertInto('workspaces')
        .values({ id: workspace.id, name: workspace.name, locale: workspace.locale, created_at: createdAt })
        .execute()
      if (stageModel && stageModel.stages.length > 0) {
        await trx
          .insertInto('stages')
          .values(
            stageModel.stages.map((stage, position) => ({
              workspace_id: workspace.id,
              id: stage.id,
              label_en: stage.label.en,
              label_nl: stage.label.nl ?? null,
              position,
            })),
          )
          .execute()
      }
    })
    .catch((error: unknown) => {
      // Two creates of one id at once both pass the check above on PostgreSQL; the key stops the second.
      throw isWorkspaceKeyViolation(error) ? workspaceExists(workspace.id) : error
    })
  return { ...workspace, createdAt }
}

/** Every workspace, by name. */
export async function listWorkspaces(database: CxDatabase): Promise<WorkspaceRow[]> {
  const rows = await database.db.selectFrom('workspaces').selectAll().orderBy('name').orderBy('id').execute()
  return rows.map(fromRow)
}

/** Throws a 404 CxError unless the workspace exists: every workspace-scoped request starts here. */
export async function requireWorkspace(database: CxDatabase, id: string): Promise<void> {
  if (!(await findWorkspace(database.db, id))) throw workspaceNotFound(id)
}

/**
 * Renames a workspace or changes its language; returns it as stored. Unknown ids throw a 404 CxError.
 *
 * @example
 * await updateWorkspace(database, 'acme', { name: 'Acme Europe' })
 */
export async function updateWorkspace(
  database: CxDatabase,
  id: string,
  changes: Partial<Pick<Workspace, 'name' | 'locale'>>,
): Promise<WorkspaceRow> {
  return database.sql.transaction(database.db, async (trx) => {
    if (!(await findWorkspace(trx, id))) throw workspaceNotFound(id)
    const values = {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.locale === undefined ? {} : { locale: changes.locale }),
    }
    if (Object.keys(values).length > 0) await trx.updateTable('workspaces').set(values).where('id', '=', id).execute()
    const row = await findWorkspace(trx, id)
    if (!row) throw workspaceNotFound(id)
    return fromRow(row)
  })
}

/**
 * How many rows a workspace has in each table that carries `workspace_id` (tables without any are
 * left out): what {@link deleteWorkspace} would remove. Unknown ids throw a 404 CxError.
 *
 * @example
 * await countWorkspaceRows(database, 'acme') // [{ table: 'customers', rows: 600 }, ...]
 */
export async function countWorkspaceRows(database: CxDatabase, id: string): Promise<WorkspaceTableRows[]> {
  await requireWorkspace(database, id)
  const tables = await workspaceScopedTables(database)
  const counts: WorkspaceTableRows[] = []
  for (const table of [...tables].sort()) {
    const row = await anyTables(database.db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .where('workspace_id', '=', id)
      .executeTakeFirstOrThrow()
    if (Number(row.rows) > 0) counts.push({ table, rows: Number(row.rows) })
  }
  return counts
}

/**
 * Deletes a workspace and every row of it in every table, core's and each plugin's, in one
 * transaction. Not every table's `workspace_id` cascades from `workspaces` (and some keys restrict,
 * such as touchpoints → stages), so each table is emptied of the workspace's rows explicitly, in an
 * order no foreign key objects to, before the workspace itself goes. Unknown ids throw a 404 CxError.
 *
 * @example
 * await deleteWorkspace(database, 'acme')
 */
export async function deleteWorkspace(database: CxDatabase, id: string): Promise<void> {
  await database.sql.transaction(database.db, async (trx) => {
    if (!(await findWorkspace(trx, id))) throw workspaceNotFound(id)
    for (const table of await workspaceScopedTables(database, trx)) {
      await anyTables(trx).deleteFrom(table).where('workspace_id', '=', id).execute()
    }
    await trx.deleteFrom('workspaces').where('id', '=', id).execute()
  })
}

// Plugin tables are not in CoreTables: they are named at run time, found by introspection.
function anyTables(db: Kysely<CoreTables>): Kysely<any> {
  return db as Kysely<any>
}

function findWorkspace(db: Kysely<CoreTables>, id: string) {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst()
}

function fromRow(row: CoreTables['workspaces']): WorkspaceRow {
  return { id: row.id, name: row.name, locale: row.locale as Workspace['locale'], createdAt: row.created_at }
}

function workspaceExists(id: string): CxError {
  const message = `workspace '${id}' already exists`
  return new CxError('CXKIT_CONFLICT', message, {
    status: 409,
    details: { fields: [{ field: 'body.id', code: 'duplicate', message }] },
  })
}

/** A duplicate `workspaces.id`, as PostgreSQL (23505 on the table) or SQLite (its constraint message) says it. */
function isWorkspaceKeyViolation(error: unknown): boolean {
  const { code, table, message } = (error ?? {}) as { code?: unknown; table?: unknown; message?: unknown }
  if (code === '23505') return table === 'workspaces'
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && String(message).includes('workspaces.id')
}

/** The 404 for a workspace id that does not exist. */
export function workspaceNotFound(id: string): CxError {
  return new CxError('CXKIT_WORKSPACE_NOT_FOUND', `workspace '${id}' does not exist`, { status: 404 })
}
