import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/*
 * Kysely's PGlite dialect, kept here because kysely ships it only from 0.29, which requires
 * Node 22 while Samkraft runs on Node 20 (package.json `engines`). A port of kysely 0.29's
 * `PGliteDialect` (MIT): one connection, taken by one caller at a time; a transaction is PGlite's
 * own exclusive `transaction()`, held open until Kysely commits or rolls back.
 */

/** Waits for the one connection until its holder releases it. */
class ConnectionMutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  #transaction: Transaction | undefined;
  #commit: (() => void) | undefined;
  #rollback: ((reason: unknown) => void) | undefined;
  #closed: Promise<void> | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { affectedRows, rows } = await (this.#transaction ?? this.#pglite).query<R>(compiled.sql, [...compiled.parameters], { rowMode: 'object' });
    return { ...(affectedRows != null ? { numAffectedRows: BigInt(affectedRows) } : {}), rows: rows ?? [] };
  }

  // eslint-disable-next-line require-yield -- the interface asks for a generator; PGlite cannot stream.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite.');
  }

  async begin(): Promise<void> {
    let begun!: () => void;
    const hasBegun = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const ended = new Promise<void>((resolve, reject) => {
      this.#commit = resolve;
      this.#rollback = reject;
    });
    this.#closed = this.#pglite.transaction(async (tx) => {
      this.#transaction = tx;
      begun();
      await ended;
    });
    // A transaction that fails to begin rejects `#closed` before `begun` is called.
    await Promise.race([hasBegun, this.#closed]);
  }

  async commit(): Promise<void> {
    this.#commit?.();
    try {
      await this.#closed;
    } finally {
      this.#reset();
    }
  }

  async rollback(): Promise<void> {
    this.#rollback?.(new Error('rolled back'));
    await this.#closed?.catch(() => undefined);
    this.#reset();
  }

  #reset(): void {
    this.#commit = undefined;
    this.#rollback = undefined;
    this.#transaction = undefined;
    this.#closed = undefined;
  }
}

const savepointSql = (command: string, name: string): CompiledQuery => CompiledQuery.raw(`${command} "${name.replace(/"/g, '""')}"`);

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #mutex = new ConnectionMutex();
  readonly #connection: PGliteConnection;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    if (this.#pglite.closed) throw new Error('PGlite instance is already closed.');
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  // Kysely hands back the connection `acquireConnection` gave it, and there is only the one.
  async beginTransaction(_connection: DatabaseConnection): Promise<void> {
    await this.#connection.begin();
  }

  async commitTransaction(_connection: DatabaseConnection): Promise<void> {
    await this.#connection.commit();
  }

  async rollbackTransaction(_connection: DatabaseConnection): Promise<void> {
    await this.#connection.rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointSql('savepoint', name));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointSql('rollback to savepoint', name));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointSql('release savepoint', name));
  }

  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(config: { pglite: PGlite }) {
    this.#pglite = config.pglite;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
