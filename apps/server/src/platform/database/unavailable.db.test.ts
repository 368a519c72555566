import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { databaseUrl } from '../../test-support/postgres-admin.ts';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../clock.ts';
import { isDatabaseUnavailable, openPostgres, type Database } from './database.ts';

/**
 * A statement that runs past DATABASE_STATEMENT_TIMEOUT_MS is cancelled by PostgreSQL, and the
 * request is answered 503 with a Danish message to try again or narrow the request — never a 500,
 * never a connection held for ever. (A PostgreSQL server's setting: PGlite has no timeout.)
 */
const onPostgres = testDatabaseKind() === 'postgres';
let template: Database;
let limited: Database | undefined;

beforeAll(async () => {
  template = await createTestDatabase();
  if (onPostgres) {
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(template.db)).rows[0]?.name ?? '';
    const admin = process.env.SAMKRAFT_TEST_PG_URL ?? '';
    limited = await openPostgres(databaseUrl(admin, name), { poolSize: 2, statementTimeoutMs: 100 });
  }
});
afterAll(async () => {
  await limited?.close();
  await template.close();
});

describe.runIf(onPostgres)('a statement over the time limit', () => {
  it('is cancelled by PostgreSQL (SQLSTATE 57014), and the pool goes on', async () => {
    const db = limited!.db;
    const err: unknown = await sql`select pg_sleep(2)`.execute(db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as { code?: string }).code).toBe('57014');
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]?.one).toBe(1);
  });

  it('answers the request 503 with retry-after and a Danish message', async () => {
    const app = await buildApp({
      database: limited!,
      clock: fixedClock('2026-11-22T10:00:00Z'),
      config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, webDistDir: '/nonexistent-web-dist', logLevel: 'silent' },
      logger: false,
    });
    app.get('/api/test/slow', async () => sql`select pg_sleep(2)`.execute(limited!.db));
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/slow' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/^Databasen kunne ikke svare i tide/) } });
    } finally {
      await app.close();
    }
  });
});

describe.runIf(!onPostgres)('on the embedded database', () => {
  it('has no statement time limit to meet (one connection, in this process)', () => {
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
  });
});
