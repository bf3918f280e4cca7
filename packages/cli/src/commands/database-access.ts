import { CxError, createHost, type Host } from '@cxkit/core'
import { type CxDatabase, listWorkspaces, migrate, openDatabase } from '@cxkit/db'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'

/** `--config` and `--db`, as every command that opens the database takes them. */
export interface DatabaseOptions {
  config?: string
  db?: string
}

/**
 * Opens the configured database, brought up to date, for one command; closes it afterwards.
 *
 * @example
 * await withDatabase(options, (database) => listWorkspaces(database))
 */
export async function withDatabase<T>(
  options: DatabaseOptions,
  work: (database: CxDatabase, host: Host) => Promise<T>,
): Promise<T> {
  const { config } = await loadConfig(options.config)
  const host = createHost(config.plugins)
  const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
  try {
    await migrate(database, host)
    return await work(database, host)
  } finally {
    await database.close()
  }
}

/** Adds `--config` and `--db` to a command. */
export function databaseOptions(command: Command): Command {
  return command
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
}

/** The `--workspace` option of commands that work in one workspace. */
export const workspaceOption = ['--workspace <id>', 'workspace id (default: the only workspace)'] as const

/**
 * `--workspace`, or the only workspace there is; with none or several, an error that lists them.
 *
 * @example
 * const workspace = await chosenWorkspace(database, options.workspace)
 */
export async function chosenWorkspace(database: CxDatabase, workspace: string | undefined): Promise<string> {
  if (workspace) return workspace
  const workspaces = await listWorkspaces(database)
  if (workspaces.length === 1) return workspaces[0]!.id
  throw new CxError(
    'CXKIT_CONFIG_INVALID',
    `pass --workspace <id>: the database has ${workspaces.length} workspaces (${workspaces.map((w) => w.id).join(', ') || 'none'})`,
  )
}
