import { type CxkitConfig, createHost, type Logger } from '@cxkit/core'
import { type CxDatabase, createPluginContext, defaultDatabaseUrl, migrate, openDatabase } from '@cxkit/db'
import { seedDemoIfEmpty } from '@cxkit/demo'
import { createConsoleLogger } from './console-logger.js'
import { createServer } from './create-server.js'
import { defaultAllowedHosts } from './http/allowed-hosts.js'
import { type RunningServer, startServer } from './start-server.js'

export interface AppOptions {
  config: CxkitConfig
  /** Default `sqlite:./data/cxkit.db`. */
  databaseUrl?: string
  /** Default 8787; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1: there is no login yet, so the app is not exposed unless asked (HOST=0.0.0.0). */
  hostname?: string
  /**
   * Host names the app answers for (`*`: any); others get 403. Default: `localhost`, `127.0.0.1`, `[::1]`
   * and `hostname` when it is one interface, not a wildcard (`CXKIT_ALLOWED_HOSTS`, see `parseAllowedHosts`).
   */
  allowedHosts?: readonly string[]
  dashboardDir?: string
  /** Create the demo workspace when the database has no workspace yet (default true). */
  demo?: boolean
  logger?: Logger
  /** The longest a query may run, in milliseconds (default 15 s; see `openDatabase`). */
  queryTimeoutMs?: number
}

export interface RunningApp extends RunningServer {
  readonly database: CxDatabase
}

/**
 * Starts a cxkit app the way `pnpm start` and `cxkit serve` do: open the database, migrate core
 * and plugins, add the demo workspace to an empty database, and listen.
 *
 * @example
 * const running = await startApp({ config, port: 8787, dashboardDir })
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const logger = options.logger ?? createConsoleLogger()
  const host = createHost(options.config.plugins)
  const database = await openDatabase(options.databaseUrl ?? defaultDatabaseUrl, {
    queryTimeoutMs: options.queryTimeoutMs,
  })
  try {
    const reports = await migrate(database, host)
    const applied = reports.flatMap((report) => report.applied.map((name) => `${report.set}/${name}`))
    if (applied.length > 0) logger.info('migrations applied', { count: applied.length })
    if (options.demo ?? true) {
      await seedDemoIfEmpty(database, host, {}, logger)
    }
    const app = createServer({
      plugins: host,
      db: database,
      logger,
      dashboardDir: options.dashboardDir,
      allowedHosts: options.allowedHosts ?? defaultAllowedHosts(options.hostname ?? '127.0.0.1'),
    })
    const server = await startServer(app, { port: options.port ?? 8787, hostname: options.hostname })
    const background = host.plugins.flatMap((plugin) =>
      plugin.start ? [plugin.start(createPluginContext(database, host, plugin, logger))] : [],
    )
    logger.info(`cxkit is listening on ${server.url}`, {
      database: database.sql.name,
      plugins: host.plugins.map((p) => p.id),
    })
    return {
      ...server,
      database,
      async close() {
        await server.close()
        await Promise.all(background.map((work) => work.stop()))
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
