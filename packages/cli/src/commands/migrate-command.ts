import { createHost } from '@cxkit/core'
import { migrate, openDatabase } from '@cxkit/db'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'

/** `cxkit migrate`: bring the database schema up to date for the configured plugins. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending migrations of core and every configured plugin')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .action(async (options: { config?: string; db?: string }) => {
      const { config } = await loadConfig(options.config)
      const host = createHost(config.plugins)
      const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
      try {
        const reports = await migrate(database, host)
        for (const report of reports) {
          const what = report.applied.length ? report.applied.join(', ') : 'up to date'
          process.stdout.write(`${report.set}: ${what}\n`)
        }
      } finally {
        await database.close()
      }
    })
}
