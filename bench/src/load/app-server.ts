import { createConsoleLogger, startApp } from '@cxkit/server'
import config from '../../../apps/server/cxkit.config.js'

/**
 * The bundled app's server (its config, every plugin, the demo workspace on first start) for the
 * load bench, without the dashboard's static files, which need a build. Serves the database URL
 * given as the first argument on a free loopback port, prints its URL on the first line of stdout
 * and stops on SIGTERM.
 */
const databaseUrl = process.argv[2]
if (!databaseUrl) throw new Error('usage: app-server <database url>')
const running = await startApp({
  config,
  port: 0,
  hostname: '127.0.0.1',
  databaseUrl,
  demo: true,
  logger: createConsoleLogger('warn'),
})
process.stdout.write(`${running.url}\n`)
process.once('SIGTERM', async () => {
  await running.close()
  process.exit(0)
})
