import { CxError, CxValidationError, createHost, type PluginContext } from '@cxkit/core'
import { type CxDatabase, createPluginContext, openDatabase } from '@cxkit/db'
import { loadConfig } from '../../load-config.js'
import { chosenWorkspace } from '../database-access.js'

export interface JourneyConnectionOptions {
  config?: string
  db?: string
  workspace?: string
}

/**
 * Opens the database for a `cxkit journey` command, with the journey plugin's context and the
 * workspace (`--workspace`, or the only one), runs `work`, and closes the database again.
 *
 * @example
 * await withJourney(options, (ctx, workspace) => runFunnelQuery(ctx, { ...query, workspace }))
 */
export async function withJourney<T>(
  options: JourneyConnectionOptions,
  work: (ctx: PluginContext, workspace: string) => Promise<T>,
): Promise<T> {
  const { config } = await loadConfig(options.config)
  const host = createHost(config.plugins)
  const plugin = host.plugin('journey')
  if (!plugin) {
    throw new CxError(
      'CXKIT_CONFIG_INVALID',
      'the journey plugin is not enabled in the config: add journeyPlugin() to its plugins',
    )
  }
  const database: CxDatabase = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
  try {
    const workspace = await chosenWorkspace(database, options.workspace)
    return await work(createPluginContext(database, host, plugin), workspace).catch((error: unknown) => {
      throw error instanceof CxValidationError ? asOptions(error) : error
    })
  } finally {
    await database.close()
  }
}

/** Names a bad field the way the command line spells it: `--window`, `--steps[2]`. */
function asOptions(error: CxValidationError): CxValidationError {
  return new CxValidationError(
    error.fields.map((field) => ({ ...field, field: field.field.replace(/^query\./, '--') })),
    error.errorCount,
  )
}
