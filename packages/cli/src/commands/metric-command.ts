import { CxValidationError, createHost, type MetricResult } from '@cxkit/core'
import { openDatabase, runMetric } from '@cxkit/db'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'
import { formatMetric } from '../format-metric.js'
import { onlyWorkspace } from './only-workspace.js'

interface MetricOptions {
  config?: string
  db?: string
  workspace?: string
  from?: string
  to?: string
  groupBy?: string
  filter: string[]
  compare?: boolean
  json?: boolean
}

const dayMs = 86_400_000

/** `cxkit metric <id>`: compute a metric from the command line, as the API would. */
export function registerMetricCommand(program: Command): void {
  program
    .command('metric')
    .description('compute a metric for a workspace and period')
    .argument('<id>', 'metric id, e.g. renewal-rate')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .option('--from <date>', 'start, inclusive (default: 365 days before --to)')
    .option('--to <date>', 'end, exclusive (default: tomorrow)')
    .option('--group-by <key>', "day | week | month | quarter | a dimension | 'attr.<key>'")
    .option(
      '--filter <key=value>',
      'filter, repeatable: --filter segment=smb',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--compare', 'also compare with the period of the same length before, with a significance test')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options: MetricOptions) => {
      const { config } = await loadConfig(options.config)
      const host = createHost(config.plugins)
      const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
      try {
        const workspace = options.workspace ?? (await onlyWorkspace(database))
        const to = options.to ?? new Date(Date.now() + dayMs).toISOString().slice(0, 10)
        const from = options.from ?? new Date(Date.parse(to) - 365 * dayMs).toISOString().slice(0, 10)
        const result: MetricResult = await runMetric(database, host, id, {
          workspace,
          period: { from, to },
          groupBy: options.groupBy,
          filters: parseFilters(options.filter),
          compare: options.compare ? 'previous' : undefined,
        }).catch((error: unknown) => {
          throw error instanceof CxValidationError ? renameToOptions(error) : error
        })
        process.stdout.write(
          options.json ? `${JSON.stringify(result, null, 2)}\n` : formatMetric(host.metric(id)!.metric, result),
        )
      } finally {
        await database.close()
      }
    })
}

function parseFilters(pairs: string[]): Record<string, string> {
  const filters: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) {
      throw new CxValidationError([
        { field: '--filter', code: 'invalid_format', message: `'${pair}' is not key=value` },
      ])
    }
    filters[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return filters
}

/** Names a bad field the way the command line spells it: `--to`, `--group-by`, `--filter colour`. */
function renameToOptions(error: CxValidationError): CxValidationError {
  const options: Record<string, string> = {
    'query.workspace': '--workspace',
    'query.period.from': '--from',
    'query.period.to': '--to',
    'query.groupBy': '--group-by',
  }
  return new CxValidationError(
    error.fields.map((field) => ({
      ...field,
      field: options[field.field] ?? field.field.replace(/^query\.(filters\.)?/, '--filter '),
    })),
  )
}
