import { CxError, createHost } from '@cxkit/core'
import { migrate, openDatabase } from '@cxkit/db'
import { seedDemoWorkspace } from '@cxkit/demo'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'

interface SeedOptions {
  config?: string
  db?: string
  workspace: string
  name?: string
  seed: string
  customers: string
}

/** `cxkit seed`: add a demo workspace (migrating first), reproducible by seed. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('create a demo workspace with realistic data (same --seed, same data)')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .option('--workspace <id>', 'id of the workspace to create', 'demo')
    .option('--name <name>', 'display name of the workspace')
    .option('--seed <n>', 'random seed', '42')
    .option('--customers <n>', 'number of customers', '600')
    .action(async (options: SeedOptions) => {
      const seed = positiveInteger(options.seed, '--seed')
      const customers = positiveInteger(options.customers, '--customers')
      const { config } = await loadConfig(options.config)
      const host = createHost(config.plugins)
      const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
      try {
        await migrate(database, host)
        const exists = await database.db
          .selectFrom('workspaces')
          .select('id')
          .where('id', '=', options.workspace)
          .executeTakeFirst()
        if (exists)
          throw new CxError(
            'CXKIT_CONFIG_INVALID',
            `workspace '${options.workspace}' already exists: choose another --workspace`,
          )
        const summary = await seedDemoWorkspace(database, host, {
          seed,
          customers,
          workspace: { id: options.workspace, name: options.name ?? `Demo (seed ${seed})` },
        })
        process.stdout.write(
          `created workspace '${summary.workspace}': ${summary.customers} customers, ${summary.touchpoints} touchpoints, data from ${summary.plugins.join(', ') || 'no plugins'}\n`,
        )
      } finally {
        await database.close()
      }
    })
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new CxError('CXKIT_CONFIG_INVALID', `${option} must be a positive integer, got '${value}'`)
  return number
}
