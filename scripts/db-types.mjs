// Regenerates apps/server/src/platform/database/schema.ts (Kysely types) from the migrations:
// a scratch PostgreSQL database is migrated, introspected by kysely-codegen (scripts/db-codegen.ts:
// its options, and the enum-like columns typed with the contracts' unions), and dropped.
// Needs a PostgreSQL (SAMKRAFT_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const admin = process.env.SAMKRAFT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `samkraft_types_${process.pid}`;
const url = new URL(admin);
url.pathname = `/${name}`;

const run = (args, env = {}) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const sql = (statement) =>
  run(['--input-type=module', '-e', `import pg from 'pg'; const c = new pg.Client(${JSON.stringify(admin)}); await c.connect(); await c.query(${JSON.stringify(statement)}); await c.end();`]);

sql(`create database ${name}`);
try {
  run(['--import', 'tsx', 'apps/server/src/cli.ts', 'migrate'], { DATABASE_URL: url.toString() });
  run(['--import', 'tsx', 'scripts/db-codegen.ts'], { DATABASE_URL: url.toString() });
} finally {
  sql(`drop database if exists ${name} with (force)`);
}
