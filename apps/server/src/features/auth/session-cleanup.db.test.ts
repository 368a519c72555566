import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { insertSession } from './auth.repository.ts';
import { EXPIRED_SESSION_GRACE_MS, removeExpiredSessions } from './session-cleanup.service.ts';
import { hashToken } from './session.rules.ts';

const NOW = '2026-11-22T10:00:00Z';
const clock = fixedClock(NOW);
const at = (minutesFromNow: number) => new Date(Date.parse(NOW) + minutesFromNow * 60_000);

let database: Database;
let userId: string;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  userId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person'] });
  app = await createTestApp(database, { now: NOW });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A session row whose deadlines are given in minutes from NOW; returns its token hash. */
async function aSession(name: string, idleInMinutes: number, absoluteInMinutes: number): Promise<string> {
  const tokenHash = hashToken(`${name}-${Math.random()}`);
  const createdAt = at(Math.min(idleInMinutes, absoluteInMinutes) - 60);
  await insertSession(database.db, {
    tokenHash,
    staffUserId: userId,
    csrfSecret: 'csrf',
    createdAt,
    lastSeenAt: createdAt,
    idleExpiresAt: at(idleInMinutes),
    absoluteExpiresAt: at(absoluteInMinutes),
    userAgent: null,
  });
  return tokenHash;
}

async function remaining(tokenHashes: string[]): Promise<string[]> {
  const rows = await database.db.selectFrom('staff_session').select('token_hash').where('token_hash', 'in', tokenHashes).execute();
  return tokenHashes.filter((h) => rows.some((r) => r.token_hash === h));
}

describe('removing expired sessions', () => {
  it('removes idle-expired and absolute-expired sessions past the grace period, and keeps the others', async () => {
    const graceMinutes = EXPIRED_SESSION_GRACE_MS / 60_000;
    const idleExpired = await aSession('idle', -60, 600);
    const absoluteExpired = await aSession('absolute', 10, -60);
    const atGraceEnd = await aSession('grace-end', -graceMinutes, 600);
    const inGrace = await aSession('in-grace', -1, 600);
    const live = await aSession('live', 20, 600);
    const removed = await removeExpiredSessions({ db: database.db, clock });
    expect(removed).toBeGreaterThanOrEqual(3);
    expect(await remaining([idleExpired, absoluteExpired, atGraceEnd, inGrace, live])).toEqual([inGrace, live]);
  });

  it('leaves a signed-in user signed in', async () => {
    const client = await signIn(app, userId);
    await aSession('old', -60, -30);
    await removeExpiredSessions({ db: database.db, clock });
    const res = await app.inject({ method: 'GET', url: '/api/auth/session', headers: client.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: userId } });
  });

  it('is harmless when several instances run it at once', async () => {
    const expired = await Promise.all(Array.from({ length: 40 }, (_, i) => aSession(`many-${i}`, -60, 600)));
    const counts = await Promise.all([1, 2, 3].map(() => removeExpiredSessions({ db: database.db, clock })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(await remaining(expired)).toEqual([]);
  });

  it('finds the expired sessions by their index (migration 0022), not by reading the live ones', async () => {
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain delete from staff_session where least(idle_expires_at, absolute_expires_at) <= ${at(0)}`.execute(trx);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('staff_session_expiry_idx');
  });

  it('runs with the app every interval and stops when the app closes', async () => {
    const periodicApp = await buildApp({
      database,
      clock,
      config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, webDistDir: '/none', logLevel: 'silent' },
      logger: false,
      sessionCleanupIntervalMs: 20,
    });
    const first = await aSession('while-running', -60, 600);
    await vi.waitFor(async () => expect(await remaining([first])).toEqual([]), { timeout: 10_000, interval: 20 });
    await periodicApp.close();
    const second = await aSession('after-close', -60, 600);
    // Ten intervals: a pass still scheduled would have removed it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await remaining([second])).toEqual([second]);
  });
});
