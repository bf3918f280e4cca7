import { CxError, createHost, type Host, type PluginContext } from '@cxkit/core'
import { type CxDatabase, createPluginContext, migrate, openDatabase } from '@cxkit/db'
import { loadConfig } from '../../load-config.js'

export interface CommonImportOptions {
  config?: string
  db?: string
  workspace?: string
}

/** The configured host with crm-import enabled, an up-to-date database and crm-import's context. */
export async function openImport(
  options: CommonImportOptions,
): Promise<{ host: Host; database: CxDatabase; ctx: PluginContext }> {
  const { config } = await loadConfig(options.config)
  const host = createHost(config.plugins)
  const plugin = host.plugin('crm-import')
  if (!plugin) {
    throw new CxError(
      'CXKIT_CONFIG_INVALID',
      'imports need the crm-import plugin: add crmImportPlugin() (from @cxkit/plugin-crm-import) to the plugins in your cxkit.config.ts',
    )
  }
  // An import command is the database's only user here: SQLite reads stay on its one connection
  // rather than in worker threads, whose memory an import of a million rows would rather keep.
  const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined, { readers: 0 })
  try {
    await migrate(database, host)
  } catch (error) {
    await database.close()
    throw error
  }
  return { host, database, ctx: createPluginContext(database, host, plugin) }
}

// Imports and the other commands pick their workspace the same way.
export { chosenWorkspace } from '../database-access.js'
