import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  SelectQueryNode,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely'
import { ImmediateTransactionsDriver } from '../dialects/sqlite-immediate-transactions.js'
import { readsOnMainConnection } from '../query-signal.js'
import type { SqliteReadPool } from './sqlite-read-pool.js'

/**
 * A select outside a transaction may run on any connection: WAL lets readers see every committed
 * write while the main connection writes. Raw SQL counts as a read only when it starts with `select`.
 */
function isRead(query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true
  return RawNode.is(query.query) && /^\s*select\b/i.test(query.sql)
}

/**
 * A connection handed out by the driver. Outside a transaction it sends reads to the worker pool and
 * takes the main connection for each write alone; inside one it holds the main connection throughout.
 */
class RoutingConnection implements DatabaseConnection {
  /** The main connection, while this connection holds it for a transaction. */
  held: DatabaseConnection | undefined

  constructor(
    private readonly main: Driver,
    private readonly readers: SqliteReadPool,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.held) return this.held.executeQuery<R>(query)
    if (isRead(query) && !readsOnMainConnection()) {
      return { rows: (await this.readers.read(query.sql, query.parameters)) as R[] }
    }
    const connection = await this.main.acquireConnection()
    try {
      return await connection.executeQuery<R>(query)
    } finally {
      await this.main.releaseConnection(connection)
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Streams are rare and long-lived: they stay on the main connection, which supports them.
    const connection = this.held ?? (await this.main.acquireConnection())
    try {
      yield* connection.streamQuery<R>(query, chunkSize)
    } finally {
      if (!this.held) await this.main.releaseConnection(connection)
    }
  }
}

function routingOf(connection: DatabaseConnection): RoutingConnection {
  if (connection instanceof RoutingConnection) return connection
  throw new Error('the connection was not handed out by this driver')
}

/**
 * Reads off the event loop: selects outside a transaction run on read-only connections in worker
 * threads; writes and whole transactions stay on the main connection, one at a time as before.
 */
class WorkerReadsDriver implements Driver {
  readonly #main: Driver
  readonly #readers: SqliteReadPool

  constructor(main: Driver, readers: SqliteReadPool) {
    this.#main = main
    this.#readers = readers
  }

  init(): Promise<void> {
    return this.#main.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.#main, this.#readers)
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const routing = routingOf(connection)
    routing.held = await this.#main.acquireConnection()
    await this.#main.beginTransaction(routing.held, settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#main.commitTransaction(this.#held(connection))
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#main.rollbackTransaction(this.#held(connection))
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#main.savepoint!(this.#held(connection), name, compile)
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#main.rollbackToSavepoint!(this.#held(connection), name, compile)
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#main.releaseSavepoint!(this.#held(connection), name, compile)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routing = routingOf(connection)
    if (!routing.held) return
    const held = routing.held
    routing.held = undefined
    await this.#main.releaseConnection(held)
  }

  async destroy(): Promise<void> {
    await this.#readers.close()
    await this.#main.destroy()
  }

  #held(connection: DatabaseConnection): DatabaseConnection {
    const held = routingOf(connection).held
    if (!held) throw new Error('no transaction is open on this connection')
    return held
  }
}

/**
 * SQLite with reads in worker threads (see `createSqliteReadPool`) and immediate transactions on the
 * main connection. Only for a database file: an in-memory database exists on one connection alone.
 */
export class WorkerReadsSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig
  readonly #readers: SqliteReadPool

  constructor(settings: SqliteDialectConfig, readers: SqliteReadPool) {
    super(settings)
    this.#settings = settings
    this.#readers = readers
  }

  override createDriver(): Driver {
    return new WorkerReadsDriver(new ImmediateTransactionsDriver(this.#settings), this.#readers)
  }
}
