import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type pg from 'pg'
import { queryCancelledError, queryTimeoutError } from '../query-limits.js'
import { currentQuerySignal } from '../query-signal.js'

/** SQLSTATE query_canceled: both a statement timeout and pg_cancel_backend end a query with it. */
const queryCanceled = '57014'

/**
 * A pooled connection whose queries answer the current request's abort signal: once it fires, the
 * server is asked to cancel the statement (`pg_cancel_backend`), and the statement timeout of the
 * connection becomes a 503 that names the limit instead of a driver error.
 */
class BoundedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly backendPid: number,
    private readonly settings: BoundedPostgresSettings,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const signal = currentQuerySignal()
    if (signal?.aborted) throw queryCancelledError(signal.reason)
    const cancel = () => {
      // Another connection asks the server to stop this one's statement; a failure only means it ended first.
      this.settings.admin.query('select pg_cancel_backend($1)', [this.backendPid]).catch(() => {})
    }
    signal?.addEventListener('abort', cancel, { once: true })
    try {
      return await this.inner.executeQuery<R>(query)
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === queryCanceled) {
        if (signal?.aborted) throw queryCancelledError(error)
        if (/statement timeout/.test(error.message)) throw queryTimeoutError(this.settings.queryTimeoutMs, error)
      }
      throw error
    } finally {
      signal?.removeEventListener('abort', cancel)
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize)
  }
}

function innerOf(connection: DatabaseConnection): DatabaseConnection {
  if (connection instanceof BoundedConnection) return connection.inner
  throw new Error('the connection was not handed out by this driver')
}

class BoundedPostgresDriver implements Driver {
  readonly #pids = new WeakMap<DatabaseConnection, number>()

  constructor(
    private readonly inner: Driver,
    private readonly settings: BoundedPostgresSettings,
  ) {}

  init(): Promise<void> {
    return this.inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection()
    let pid = this.#pids.get(connection)
    if (pid === undefined) {
      // Once per pooled connection: the id pg_cancel_backend needs to reach it.
      const { rows } = await connection.executeQuery<{ pid: number }>(
        CompiledQuery.raw('select pg_backend_pid() as pid'),
      )
      pid = rows[0]!.pid
      this.#pids.set(connection, pid)
    }
    return new BoundedConnection(connection, pid, this.settings)
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(innerOf(connection), settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(innerOf(connection))
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(innerOf(connection))
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint!(innerOf(connection), name, compile)
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.rollbackToSavepoint!(innerOf(connection), name, compile)
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint!(innerOf(connection), name, compile)
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection))
  }

  async destroy(): Promise<void> {
    await this.inner.destroy()
    await this.settings.admin.end()
  }
}

/** What the bounded dialect needs besides Kysely's PostgreSQL settings. */
export interface BoundedPostgresSettings {
  /** The `statement_timeout` the pool's connections were opened with, for the error message. */
  queryTimeoutMs: number
  /** A small separate pool that sends cancel requests, so a full main pool cannot hold them up. */
  admin: pg.Pool
}

/**
 * Kysely's PostgreSQL dialect whose queries stop when their request is abandoned and answer a 503
 * past the statement timeout. The pool itself runs off the event loop already.
 */
export class BoundedPostgresDialect extends PostgresDialect {
  readonly #settings: BoundedPostgresSettings

  constructor(config: PostgresDialectConfig, settings: BoundedPostgresSettings) {
    super(config)
    this.#settings = settings
  }

  override createDriver(): Driver {
    return new BoundedPostgresDriver(super.createDriver(), this.#settings)
  }
}
