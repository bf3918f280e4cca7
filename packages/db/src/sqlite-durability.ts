import { CxError } from '@cxkit/core'

/** How SQLite makes a commit durable: the values of its `synchronous` pragma that make sense with WAL. */
export type SqliteSynchronous = 'normal' | 'full'

/**
 * The durability of SQLite commits: the option given, else `CXKIT_SQLITE_SYNCHRONOUS`, else `normal`.
 *
 * With WAL, `normal` writes each commit to the log without waiting for the disk: a crash or `kill -9`
 * of the process loses nothing committed, a power cut or an operating-system crash may lose the last
 * commits (never corrupting the file). `full` waits for the disk at every commit, which on most disks
 * bounds one connection to a few hundred commits per second, so single-response submissions queue.
 *
 * @example
 * sqliteSynchronous(undefined, { CXKIT_SQLITE_SYNCHRONOUS: 'full' }) // 'full'
 */
export function sqliteSynchronous(
  option: SqliteSynchronous | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SqliteSynchronous {
  if (option) return option
  const value = (env.CXKIT_SQLITE_SYNCHRONOUS ?? '').trim().toLowerCase()
  if (value === '') return 'normal'
  if (value === 'normal' || value === 'full') return value
  throw new CxError(
    'CXKIT_CONFIG_INVALID',
    `CXKIT_SQLITE_SYNCHRONOUS must be 'normal' or 'full', got '${env.CXKIT_SQLITE_SYNCHRONOUS}'`,
  )
}
