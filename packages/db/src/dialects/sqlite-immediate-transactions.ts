import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'

/**
 * SQLite transactions that take the write lock when they begin (`begin immediate`), not at their
 * first write. A deferred transaction that has read (ingest reserves ids from `max(id)`) cannot wait
 * for another process's write to finish: SQLite refuses it at once (SQLITE_BUSY). An immediate one
 * waits up to the busy timeout before it reads anything, so `cxkit import` can run while the
 * server takes responses. Every transaction of the app writes, so none is slowed for nothing.
 */
export class ImmediateTransactionsDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class ImmediateTransactionsSqliteDialect extends SqliteDialect {
  readonly #settings: SqliteDialectConfig

  constructor(settings: SqliteDialectConfig) {
    super(settings)
    this.#settings = settings
  }

  override createDriver(): Driver {
    return new ImmediateTransactionsDriver(this.#settings)
  }
}
