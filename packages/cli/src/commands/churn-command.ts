import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { CxError, CxValidationError } from '@cxkit/core'
import { createPluginContext } from '@cxkit/db'
import { listChurnRisk, streamRiskCsv } from '@cxkit/plugin-churn-clv'
import { maxRiskExport, maxRiskPage } from '@cxkit/plugin-churn-clv/schema'
import type { Command } from 'commander'
import { z } from 'zod'
import {
  chosenWorkspace,
  type DatabaseOptions,
  databaseOptions,
  withDatabase,
  workspaceOption,
} from './database-access.js'
import { formatRiskPage } from './churn/format-risk.js'

interface RiskOptions extends DatabaseOptions {
  workspace?: string
  limit?: string
  csv?: string
  json?: boolean
}

/**
 * `cxkit churn risk`: the customers a retention team should call first, as a table, JSON or a CSV file.
 *
 * @example
 * registerChurnCommand(program) // cxkit churn risk --limit 20 --csv at-risk.csv
 */
export function registerChurnCommand(program: Command): void {
  const churn = program.command('churn').description('churn risk: the customers to call first')
  databaseOptions(
    churn
      .command('risk')
      .description('customers at risk ranked by value at stake (CLV × (1 − P(alive))), with their signals')
      .option(...workspaceOption)
      .option('--limit <n>', `how many customers (at most ${maxRiskPage}, or ${maxRiskExport} with --csv)`)
      .option('--csv <file>', 'write the list to a CSV file')
      .option('--json', 'print the list as JSON'),
  ).action((options: RiskOptions) =>
    withDatabase(options, async (database, host) => {
      if (options.csv && options.json)
        throw new CxValidationError([
          { field: '--json', code: 'conflict', message: 'give --csv <file> or --json, not both' },
        ])
      const max = options.csv ? maxRiskExport : maxRiskPage
      const parsed = z.coerce
        .number()
        .int()
        .min(1)
        .max(max)
        .safeParse(options.limit ?? (options.csv ? max : 50))
      if (!parsed.success)
        throw new CxValidationError([
          { field: '--limit', code: 'invalid_value', message: `must be a whole number from 1 to ${max}` },
        ])
      const plugin = host.plugin('churn-clv')
      if (!plugin) throw new CxError('CXKIT_CONFIG_INVALID', 'the config does not enable the churn-clv plugin')
      const workspace = await chosenWorkspace(database, options.workspace)
      const ctx = createPluginContext(database, host, plugin)
      await ctx.requireWorkspace(workspace)
      const request = { workspace, limit: parsed.data, offset: 0 }
      if (options.csv) {
        const csv = Readable.fromWeb(streamRiskCsv(ctx, request) as NodeReadableStream<Uint8Array>)
        await pipeline(csv, createWriteStream(options.csv))
        process.stderr.write(`wrote the churn-risk list to ${options.csv}\n`)
        return
      }
      const page = await listChurnRisk(ctx, request)
      process.stdout.write(options.json ? `${JSON.stringify(page, null, 2)}\n` : formatRiskPage(page))
    }),
  )
}
