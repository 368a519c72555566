import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7261500;

/**
 * The role holding the server's rights on PostgreSQL (migration 0014): data in and out, the audit
 * log only appended to and read. The server's login role (DATABASE_URL) is made a member of it.
 */
export const APP_ROLE = 'samkraft_app';

export type Migration = { name: string; sql: string };

/** The one ordered set of migrations: `migrations/NNNN_name.sql`, applied in name order. */
export function listMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in one transaction with its bookkeeping row.
 * On PostgreSQL a session advisory lock keeps two starting instances from racing.
 * Returns the names applied now.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.withScriptRunner(async (run) => {
    // One round trip when there is nothing to do, the common start. (Unlocking a lock not taken,
    // should the script fail before it, only returns false.)
    // Created only when missing: the server's own role (not the owner) may not create tables,
    // and checks the bookkeeping with this same script.
    const check = [
      `do $$ begin if to_regclass('schema_migration') is null then
         create table schema_migration (name text primary key, applied_at timestamptz not null default now());
       end if; end $$`,
      ...(database.kind === 'postgres' ? [`select pg_advisory_lock(${LOCK_KEY})`] : []),
      'select name from schema_migration',
    ];
    try {
      const applied = new Set((await run(check.join(';\n'))).map((r) => String(r.name)));
      const done: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.name)) continue;
        const name = m.name.replace(/'/g, "''");
        try {
          await run(`begin;\n${m.sql}\n;insert into schema_migration (name) values ('${name}');\ncommit;`);
        } catch (err) {
          await run('rollback').catch(() => undefined);
          throw new Error(`migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        done.push(m.name);
      }
      return done;
    } finally {
      if (database.kind === 'postgres') await run(`select pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}
