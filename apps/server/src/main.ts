import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createConsoleLogger, type LogLevel, startApp } from '@cxkit/server'
import config from '../cxkit.config.js'
import { readEnvironment } from './read-environment.js'

const logger = createConsoleLogger((process.env.CXKIT_LOG_LEVEL as LogLevel | undefined) ?? 'info')

try {
  const environment = readEnvironment(process.env)
  const dashboardPackage = createRequire(import.meta.url).resolve('@cxkit/dashboard/package.json')
  const running = await startApp({
    config,
    ...environment,
    dashboardDir: join(dirname(dashboardPackage), 'dist'),
    logger,
  })
  const stop = async (signal: string) => {
    logger.info(`${signal}: shutting down`)
    await running.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
} catch (error) {
  logger.error((error as Error).message)
  process.exit(1)
}
