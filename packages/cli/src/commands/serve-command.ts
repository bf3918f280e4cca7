import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CxError } from '@cxkit/core'
import { readQueryTimeout } from '@cxkit/db'
import { createConsoleLogger, defaultAllowedHosts, parseAllowedHosts, startApp } from '@cxkit/server'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'

interface ServeOptions {
  config?: string
  db?: string
  port: string
  host: string
  allowedHosts?: string
  dashboard?: string
  demo: boolean
}

/** `cxkit serve`: run the API and dashboard for a config. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the dashboard')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .option('--port <n>', 'port', process.env.PORT ?? '8787')
    .option('--host <address>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .option(
      '--allowed-hosts <names>',
      'host names to answer for, comma-separated, * for any (default: $CXKIT_ALLOWED_HOSTS, else loopback and --host)',
    )
    .option('--dashboard <dir>', 'dashboard build folder (default: the @cxkit/dashboard build, if installed)')
    .option('--no-demo', 'do not create the demo workspace in an empty database')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CxError('CXKIT_CONFIG_INVALID', `--port must be a port number (0–65535), got '${options.port}'`)
      }
      const { config } = await loadConfig(options.config)
      const logger = createConsoleLogger()
      const running = await startApp({
        config,
        databaseUrl: options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined,
        port,
        hostname: options.host,
        allowedHosts: parseAllowedHosts(
          options.allowedHosts ?? process.env.CXKIT_ALLOWED_HOSTS,
          defaultAllowedHosts(options.host),
        ),
        dashboardDir: options.dashboard ?? installedDashboard(),
        demo: options.demo,
        queryTimeoutMs: readQueryTimeout(process.env),
        logger,
      })
      const stop = () => void running.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}

function installedDashboard(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@cxkit/dashboard/package.json')), 'dist')
  } catch {
    return undefined
  }
}
