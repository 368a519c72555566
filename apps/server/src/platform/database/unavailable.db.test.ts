import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCitizen, aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
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
    // A public route (`security: []`): the session guard would answer 401 before the database is asked.
    app.get('/api/test/slow', { schema: { security: [] } }, async () => sql`select pg_sleep(2)`.execute(limited!.db));
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

/**
 * A full disk: PostgreSQL (and PGlite) refuse every write with SQLSTATE 53100 while reads still
 * answer. Simulated by triggers that raise it on the tables a request writes first.
 */
describe('a database that cannot write (full disk)', () => {
  it('is not ready, and a request that writes is answered 503 with a Danish message, not 500', async () => {
    const database = await createTestDatabase();
    const app = await createTestApp(database);
    try {
      const db = database.db;
      await aMunicipality(db, '0159', 'Gladsaxe');
      const userId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
      const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
      const client = await signIn(app, userId);
      expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toMatchObject({ status: 'ready' });

      await sql`create function test_disk_full() returns trigger language plpgsql as $$
        begin raise exception 'could not extend file "base/1/2": No space left on device' using errcode = 'disk_full'; end $$`.execute(db);
      for (const table of ['health_probe', 'audit_event']) {
        await sql`create trigger test_disk_full before insert or update on ${sql.table(table)} for each statement execute function test_disk_full()`.execute(db);
      }
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect([ready.statusCode, ready.json()]).toEqual([503, { status: 'unavailable', database: database.kind }]);
      const read = await app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: client.headers });
      expect(read.statusCode).toBe(503);
      expect(read.headers['retry-after']).toBe('5');
      expect(read.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/^Databasen kan ikke nås eller kan ikke gemme lige nu/) } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
