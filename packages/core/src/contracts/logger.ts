/** The logger plugins receive; `console` fits it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** A logger that drops everything: the default in tests. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
