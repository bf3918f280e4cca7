import { CxError } from '@cxkit/core'
import { type CxDatabase, listWorkspaces } from '@cxkit/db'

/**
 * The workspace a command works on when `--workspace` is not given: the only one there is, or an
 * error that lists them and asks for `--workspace`.
 *
 * @example
 * const workspace = options.workspace ?? (await onlyWorkspace(database))
 */
export async function onlyWorkspace(database: CxDatabase): Promise<string> {
  const workspaces = await listWorkspaces(database)
  if (workspaces.length === 1) return workspaces[0]!.id
  const names = workspaces.map((w) => w.id).join(', ') || 'none'
  throw new CxError(
    'CXKIT_CONFIG_INVALID',
    `pass --workspace <id>: the database has ${workspaces.length} workspaces (${names})`,
  )
}
