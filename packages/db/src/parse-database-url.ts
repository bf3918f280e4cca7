import { CxError } from '@cxkit/core'

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; connectionString: string }

/** Where the embedded database lives when nothing else is configured. */
export const defaultDatabaseUrl = 'sqlite:./data/cxkit.db'

/**
 * Reads a database URL: `sqlite:<file>`, `sqlite::memory:` or `postgres://…` (`postgresql://` too).
 *
 * @example
 * parseDatabaseUrl('sqlite:./data/cxkit.db') // { dialect: 'sqlite', file: './data/cxkit.db' }
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url }
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (file === '') throw invalid(url, 'it names no file')
    return { dialect: 'sqlite', file }
  }
  throw invalid(url, "use 'sqlite:<file>', 'sqlite::memory:' or 'postgres://user@host:port/database'")
}

function invalid(url: string, why: string): CxError {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')
  return new CxError('CXKIT_DB_URL_INVALID', `database URL '${shown}' is not supported: ${why}`, { status: 400 })
}
