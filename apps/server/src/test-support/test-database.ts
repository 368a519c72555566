import crypto from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres } from '../platform/database/database.ts';
import type { Database } from '../platform/database/database.ts';
import { migrate } from '../platform/database/migrate.ts';
import { TEST_DATABASE_PREFIX, databaseUrl, labelDatabase, quoteIdent, withAdminClient } from './postgres-admin.ts';


export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database the db:* project this file runs in targets (SAMKRAFT_TEST_DB; PGlite if unset). */
export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.SAMKRAFT_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`SAMKRAFT_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

/**
 * A freshly migrated database of its own, for one test file: call it in `beforeAll` and
 * `close()` it in `afterAll`. On PGlite it is an in-memory copy of the run's migrated template;
 * on PostgreSQL a `samkraft_t_<run>_<random>` database copied from the run's
 * `samkraft_template_<run>`, dropped again by `close()`. Both templates are made once per run by
 * global-setup.ts (see postgres-admin.ts for why each run has its own).
 */
export async function createTestDatabase(): Promise<Database> {
  return testDatabaseKind() === 'postgres' ? createPostgresDatabase() : createPgliteDatabase();
}

let templateBlob: Blob | undefined;

async function createPgliteDatabase(): Promise<Database> {
  const file = inject('samkraftPgliteTemplate');
  if (!file) {
    // Outside the db:pglite project (no globalSetup): migrate from scratch, slower but correct.
    const database = await openPglite(undefined);
    await migrate(database);
    return database;
  }
  templateBlob ??= new Blob([fs.readFileSync(file)]);
  return openPglite(undefined, templateBlob);
}

async function createPostgresDatabase(): Promise<Database> {
  return (await createPostgresTestDatabase()).database;
}

/**
 * A PostgreSQL test database of its own and its URL, for tools that connect by themselves
 * (pg_dump): a copy of the run's migrated template, or `empty` (no tables). `close()` drops it.
 */
export async function createPostgresTestDatabase(opts: { empty?: boolean } = {}): Promise<{ database: Database; url: string }> {
  const adminUrl = process.env.SAMKRAFT_TEST_PG_URL;
  if (!adminUrl) throw new Error('SAMKRAFT_TEST_DB=postgres needs SAMKRAFT_TEST_PG_URL');
  const provided = inject('samkraftPgTemplate');
  if (!provided) throw new Error('createTestDatabase on PostgreSQL runs only in the db:postgres project (its globalSetup makes the template)');
  const { template, owner } = provided;
  const name = `${TEST_DATABASE_PREFIX}${template.slice(-8)}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, async (admin) => {
    if (opts.empty) {
      await admin.query(`create database ${quoteIdent(name)}`);
      await labelDatabase(admin, name, owner);
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
        await labelDatabase(admin, name, owner);
        return;
      } catch (err) {
        // 55006: someone is connected to the template (a moment after the globalSetup closed).
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  const url = databaseUrl(adminUrl, name);
  let database: Database;
  try {
    database = await openPostgres(url);
  } catch (err) {
    await dropDatabase(adminUrl, name);
    throw err;
  }
  return {
    url,
    database: {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          await dropDatabase(adminUrl, name);
        }
      },
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (admin) => admin.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}
