import os from 'node:os';
import pg from 'pg';

/*
 * The test databases on a PostgreSQL server. Several test runs may share one server (each
 * engineer's `npm test` and CI on one machine), so every run has its own template,
 * `samkraft_template_<run>`, and its per-file copies are `samkraft_t_<run>_<random>`. Each is
 * labelled with its run's owner (a COMMENT ON DATABASE), which is how a later run tells a
 * leftover of a run that died from a database another run is still using.
 */

export const TEMPLATE_PREFIX = 'samkraft_template_';
export const TEST_DATABASE_PREFIX = 'samkraft_t_';
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

export type RunOwner = { host: string; pid: number; at: string };

export function currentRunOwner(): RunOwner {
  return { host: os.hostname(), pid: process.pid, at: new Date().toISOString() };
}

/** Runs `fn` with a single connection to the server's maintenance database (the URL as given). */
export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function labelDatabase(admin: pg.Client, name: string, owner: RunOwner): Promise<void> {
  await admin.query(`comment on database ${quoteIdent(name)} is ${quoteLiteral(JSON.stringify(owner))}`);
}

/** Drops the test databases and templates whose run has ended without cleaning up. */
export async function dropLeftoverDatabases(admin: pg.Client): Promise<string[]> {
  const rows = await admin.query<{ datname: string; label: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as label from pg_database
      where datname like 'samkraft\\_t\\_%' or datname like 'samkraft\\_template\\_%'`,
  );
  const dropped: string[] = [];
  for (const { datname, label } of rows.rows) {
    const owner = parseOwner(label);
    if (owner && !ownerIsGone(owner)) continue;
    // An unlabelled database is dropped only if nobody is connected (a plain DROP refuses).
    const force = owner ? ' with (force)' : '';
    try {
      await admin.query(`drop database if exists ${quoteIdent(datname)}${force}`);
      dropped.push(datname);
    } catch {
      // In use after all, or dropped by someone else meanwhile: leave it.
    }
  }
  return dropped;
}

function parseOwner(label: string | null): RunOwner | undefined {
  if (!label) return undefined;
  try {
    const v = JSON.parse(label) as Partial<RunOwner>;
    return typeof v.host === 'string' && typeof v.pid === 'number' && typeof v.at === 'string' ? (v as RunOwner) : undefined;
  } catch {
    return undefined;
  }
}

function ownerIsGone(owner: RunOwner): boolean {
  const age = Date.now() - Date.parse(owner.at);
  if (!(age < STALE_AFTER_MS)) return true;
  if (owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'ESRCH';
  }
}

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
