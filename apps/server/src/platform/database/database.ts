import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { from as CopyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DB } from './schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { propertyOf } from '@samkraft/contracts/typed';

export type Db = Kysely<DB>;

/** An open database: PGlite in a folder, or a PostgreSQL server. The rest of Samkraft sees only `db`. */
export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it is, for logs: a folder or host:port/database, never a password. */
  location: string;
  /**
   * Runs `fn` on one dedicated connection that takes raw multi-statement SQL and returns the
   * rows of the last statement (migrations need a session-level lock and scripts).
   */
  withScriptRunner<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /**
   * Loads CSV text into a table with COPY (`header`, `;`-separated, `"` quoting), the fastest way
   * rows enter PostgreSQL; `table` and `columns` are identifiers the caller controls. Returns the
   * rows loaded. Runs on its own connection, outside any transaction of `db`.
   */
  copyCsv(table: string, columns: readonly string[], csv: Uint8Array): Promise<number>;
  /**
   * One statement with positional parameters (or, without them, a script) outside Kysely, for a
   * library that brings its own SQL over the same database (the job queue, pg-boss).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
};

const identifier = /^[a-z_][a-z0-9_]*$/;

function copyStatement(table: string, columns: readonly string[], source: string, header = true): string {
  for (const name of [table, ...columns]) if (!identifier.test(name)) throw new Error(`not an identifier: ${name}`);
  const quoted = (name: string) => `"${name}"`;
  return `copy ${quoted(table)} (${columns.map(quoted).join(', ')}) from ${source} with (format csv, header ${header}, delimiter ';', quote '"', encoding 'UTF8')`;
}

/** Rows for COPY, travelling to the connection as the one parameter of a placeholder statement (see `copyInto`). */
class CopyIn {
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    readonly csv: Uint8Array,
  ) {}
}

const copyInOf = (parameters: unknown): CopyIn | null => (Array.isArray(parameters) && parameters[0] instanceof CopyIn ? parameters[0] : null);

/**
 * Loads CSV rows (no header, `;`-separated, `"` quoting, an unquoted empty value is null) into a
 * table with COPY on the connection of `db`, inside its transaction when `db` is one — where a
 * transaction's temporary staging table is visible. Kysely hands out no connection, so the rows
 * travel as the parameter of a placeholder statement that each driver's connection (below) runs
 * as its own COPY. `table` and `columns` are identifiers the caller controls. Returns the rows
 * loaded.
 */
export async function copyInto(db: Db, table: string, columns: readonly string[], csv: Uint8Array): Promise<number> {
  const result = await db.executeQuery<{ copied: number }>(CompiledQuery.raw(`copy ${table} (copyInto)`, [new CopyIn(table, columns, csv)]));
  return result.rows[0]?.copied ?? 0;
}

type QueryFn = (...args: unknown[]) => unknown;

/** A pooled client runs `copyInto`'s placeholder as COPY … FROM STDIN on itself. */
function acceptCopyIn(client: pg.PoolClient, copyFrom: typeof CopyFrom): void {
  const query = client.query.bind(client) as QueryFn;
  const copying = async (copy: CopyIn) => {
    const stream = query(copyFrom(copyStatement(copy.table, copy.columns, 'stdin', false))) as ReturnType<typeof copyFrom>;
    await pipeline(Readable.from([Buffer.from(copy.csv.buffer, copy.csv.byteOffset, copy.csv.byteLength)]), stream);
    const copied = Number(stream.rowCount ?? 0);
    return { command: 'COPY', rowCount: copied, rows: [{ copied }] };
  };
  (client as { query: QueryFn }).query = (...args: unknown[]) => {
    const copy = copyInOf(args[1]);
    return copy ? copying(copy) : query(...args);
  };
}

export type ScriptRunner = (sql: string) => Promise<Record<string, unknown>[]>;

export class DatabaseOpenError extends Error {}

const embedded = new WeakSet<Db>();

/**
 * Is this the embedded database? PGlite is one connection: a transaction holds it, and every
 * other request waits. A long read (a report) therefore runs there statement by statement, so
 * requests interleave, where a server runs it in one snapshot transaction.
 */
export function isEmbedded(db: Db): boolean {
  return embedded.has(db);
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;

/** Dates stay `YYYY-MM-DD` strings (a date is not an instant); numerics become numbers. */
const identity = (v: string): string => v;

export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

/** How a server's pool is sized and how long a statement may run (0 = no limit). */
export type PoolOptions = { poolSize?: number; statementTimeoutMs?: number };

export async function openPostgres(url: string, options: PoolOptions = {}): Promise<Database> {
  const location = describePostgresUrl(url);
  // Loaded here, not at the top: an embedded start never needs the PostgreSQL client.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // PostgreSQL cancels a statement that runs longer (SQLSTATE 57014); the request then gets a
    // 503 with a message to narrow it, instead of holding a connection for ever.
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
        if (oid === DATE_OID) return identity;
        if (oid === NUMERIC_OID) return Number;
        if (format === 'binary') return pg.types.getTypeParser(oid, 'binary') as (value: string) => unknown;
        return pg.types.getTypeParser(oid) as (value: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A pool emits 'error' for idle clients that die; without a listener Node would crash.
  pool.on('error', () => undefined);
  const { from: copyFrom } = await import('pg-copy-streams');
  pool.on('connect', (client) => acceptCopyIn(client, copyFrom));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(`cannot connect to PostgreSQL at ${location}: ${errorText(err)}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location,
    async withScriptRunner(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          const result = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result[result.length - 1] : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    async copyCsv(table, columns, csv) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(copyStatement(table, columns, 'stdin')));
        await pipeline(Readable.from([Buffer.from(csv)]), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        client.release();
      }
    },
    async executeSql(text, values) {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      // Kysely ends the pool only if it ever used it; a migrate-only run must end it too.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

/** One turn of the event loop: timers, sockets and other requests get theirs. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Queryable = Pick<PGlite, 'query' | 'exec'>;

/**
 * PGlite runs each query synchronously on this thread and resolves its promise at once, so a
 * chain of queries (a report) would run as one long stretch of microtasks: no request accepted,
 * no timer fired until it ends. Waiting one turn of the event loop before each query lets the
 * server answer others between a long job's queries.
 */
function yieldingEachQuery(pglite: PGlite): PGlite {
  const wrap = <T extends Queryable>(target: T, extra: Partial<Record<string | symbol, unknown>> = {}): T =>
    new Proxy(target, {
      get(t, property) {
        if (property in extra) return extra[property];
        if (property === 'query' || property === 'exec') {
          const fn = (t[property] as (...args: unknown[]) => Promise<unknown>).bind(t);
          return async (...args: unknown[]) => {
            await nextTurn();
            const copy = property === 'query' ? copyInOf(args[1]) : null;
            if (!copy) return fn(...args);
            // `copyInto`'s placeholder: COPY from the blob PGlite reads as /dev/blob.
            const result = (await fn(copyStatement(copy.table, copy.columns, "'/dev/blob'", false), [], { blob: new Blob([new Uint8Array(copy.csv)]) })) as { affectedRows?: number };
            return { ...result, rows: [{ copied: result.affectedRows ?? 0 }] };
          };
        }
        const value: unknown = Reflect.get(t, property, t);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
    });
  return wrap(pglite, {
    transaction: async <T>(callback: (tx: Transaction) => Promise<T>) => {
      await nextTurn();
      return pglite.transaction((tx) => callback(wrap(tx)));
    },
  });
}

/** Opens PGlite persisted in `dir` (created if missing), or in memory when `dir` is undefined. */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dir !== undefined) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (err) {
      throw new DatabaseOpenError(`cannot create data folder ${dir}: ${errorText(err)}`);
    }
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dir, {
      parsers: { [DATE_OID]: identity, [NUMERIC_OID]: Number, [INT8_OID]: identity },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (err) {
    throw new DatabaseOpenError(`cannot open the embedded database in ${dir ?? 'memory'}: ${errorText(err)}`);
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: yieldingEachQuery(pglite) }) });
  embedded.add(db);
  return {
    db,
    kind: 'pglite',
    location: dir ?? 'memory',
    async withScriptRunner(fn) {
      return fn(async (script) => {
        const results = await pglite.exec(script);
        return results[results.length - 1]?.rows ?? [];
      });
    },
    async copyCsv(table, columns, csv) {
      const result = await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([new Uint8Array(csv)]) });
      return result.affectedRows ?? 0;
    },
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await pglite.query<Record<string, unknown>>(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: results[results.length - 1]?.rows ?? [] };
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    // Exposed for test templates (dumpDataDir) without widening the public type.
    ...{ pglite },
  };
}

export async function openDatabase(opts: { databaseUrl: string | undefined; dataDir: string; databasePoolSize?: number; databaseStatementTimeoutMs?: number }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, { poolSize: opts.databasePoolSize, statementTimeoutMs: opts.databaseStatementTimeoutMs }) : openPglite(opts.dataDir);
}

/**
 * The SQLSTATEs that mean the database, not the request, failed: worth a 503 and a retry. A
 * statement cancelled (57014, the time limit), the server shutting down or starting (57P01–03),
 * no connection (08…, 53300), out of disk, memory or other resources (53000, 53100, 53200), an
 * I/O error (58030), or a database that will not write (25006: read-only).
 */
const UNAVAILABLE = new Set(['57014', '57P01', '57P02', '57P03', '53000', '53100', '53200', '53300', '58030', '25006', '08000', '08001', '08003', '08004', '08006']);
/** The socket errors of a PostgreSQL server that does not answer. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What the PostgreSQL client says when the server went away or the pool waited in vain (no code). */
const LOST = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Cannot use a pool after calling end)/;

/** The SQLSTATE of a database error, if it is one. */
export function sqlState(err: unknown): string | undefined {
  const code = propertyOf(err, 'code');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A statement cancelled (timeout), the server unreachable, shutting down, out of connections or of disk. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state !== undefined) return UNAVAILABLE.has(state);
  const code = propertyOf(err, 'code');
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  // PGlite's file system refusing a write (a full disk, a read-only folder).
  if (isErrnoError(err)) return true;
  return err instanceof Error && LOST.test(err.message);
}

/** A statement cancelled for running past DATABASE_STATEMENT_TIMEOUT_MS (the request may be narrowed). */
export function isStatementTimeout(err: unknown): boolean {
  return sqlState(err) === '57014';
}

/** A unique key refused a row (23505), optionally that of one named constraint or unique index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (sqlState(err) !== '23505') return false;
  return constraint === undefined || propertyOf(err, 'constraint') === constraint;
}

/**
 * The file-system errors of PGlite (Emscripten's `ErrnoError`: not an `Error`, only a number),
 * by Emscripten's numbering, in words.
 */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES permission denied',
  29: 'EIO input/output error',
  44: 'ENOENT no such file or directory',
  51: 'ENOSPC no space left on the device',
  63: 'EPERM operation not permitted',
  69: 'EROFS read-only file system',
};

function isErrnoError(err: unknown): err is { name: 'ErrnoError'; errno: number } {
  return typeof err === 'object' && err !== null && propertyOf(err, 'name') === 'ErrnoError' && typeof propertyOf(err, 'errno') === 'number';
}

/** A database error in one line of words — never `[object Object]`. */
export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = propertyOf(err, 'code');
    const msg = err.message || (typeof code === 'string' ? code : err.name);
    return typeof code === 'string' && !msg.includes(code) ? `${code} ${msg}` : msg;
  }
  if (isErrnoError(err)) return `${EMSCRIPTEN_ERRNO[err.errno] ?? 'file-system error'} (errno ${err.errno})`;
  if (typeof err === 'object' && err !== null) {
    const message = propertyOf(err, 'message');
    if (typeof message === 'string' && message) return message;
    try {
      return JSON.stringify(err);
    } catch {
      return Object.prototype.toString.call(err);
    }
  }
  return String(err);
}
