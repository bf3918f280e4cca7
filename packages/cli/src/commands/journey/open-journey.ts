import { CxError, CxValidationError, type PluginContext } from '@cxkit/core'
import { createPluginContext } from '@cxkit/db'
import { chosenWorkspace, type DatabaseOptions, withDatabase } from '../database-access.js'

export interface JourneyConnectionOptions extends DatabaseOptions {
  workspace?: string
}

/**
 * Opens the database for a `cxkit journey` command as every command does (brought up to date), with
 * the journey plugin's context and the workspace (`--workspace`, or the only one), runs `work`, and
 * closes the database again.
 *
 * @example
 * await withJourney(options, (ctx, workspace) => runFunnelQuery(ctx, { ...query, workspace }))
 */
export async function withJourney<T>(
  options: JourneyConnectionOptions,
  work: (ctx: PluginContext, workspace: string) => Promise<T>,
): Promise<T> {
  return withDatabase(options, async (database, host) => {
    const plugin = host.plugin('journey')
    if (!plugin) {
      throw new CxError(
        'CXKIT_CONFIG_INVALID',
        'the journey plugin is not enabled in the config: add journeyPlugin() to its plugins',
      )
    }
    const workspace = await chosenWorkspace(database, options.workspace)
    return work(createPluginContext(database, host, plugin), workspace).catch((error: unknown) => {
      throw error instanceof CxValidationError ? asOptions(error) : error
    })
  })
}

/** Names a bad field the way the command line spells it: `--window`, `--steps[2]`. */
function asOptions(error: CxValidationError): CxValidationError {
  return new CxValidationError(
    error.fields.map((field) => ({ ...field, field: field.field.replace(/^query\./, '--') })),
    error.errorCount,
  )
}
