import type { Logger } from '@cxkit/core'

const levels = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof levels)[number]

/**
 * A logger writing one line per event to stderr: readable in a terminal, greppable in a log file.
 *
 * @example
 * const logger = createConsoleLogger(process.env.CXKIT_LOG_LEVEL as LogLevel ?? 'info')
 */
export function createConsoleLogger(minimum: LogLevel = 'info'): Logger {
  const threshold = levels.indexOf(minimum)
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (levels.indexOf(level) < threshold) return
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${suffix}\n`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
