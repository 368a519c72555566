import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { hashPassword } from './password.ts';

// The sign-in limits: per client address (X-Forwarded-For believed only from a trusted proxy) and
// per account. Each test builds its own app, so its counters start at zero.

let database: Database;
let app: App | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  await aStaffUser(database.db, { municipalityCode: '0159', roles: ['municipal_lead'], username: 'anna.real', isDemo: false, passwordHash: await hashPassword('correct horse battery') });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(async () => {
  await database.close();
});

async function anApp(trustedProxies: string[] = []): Promise<App> {
  app = await buildApp({
    database,
    clock: fixedClock('2026-11-22T10:00:00Z'),
    config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: false, trustedProxies, webDistDir: '/none', logLevel: 'silent' },
    logger: false,
  });
  return app;
}

const guess = (a: App, username: string, o: { forwardedFor?: string; remoteAddress?: string } = {}) =>
  a.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'wrong password!!' },
    ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}),
    headers: o.forwardedFor ? { 'x-forwarded-for': o.forwardedFor } : {},
  });

describe('sign-in limits', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy: rotating it does not escape the limit per address', async () => {
    const a = await anApp();
    const codes: number[] = [];
    // Different accounts too, so only the limit per address can answer 429.
    for (let i = 0; i < 11; i++) codes.push((await guess(a, `user${i}`, { forwardedFor: `203.0.113.${i + 1}` })).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
  });

  it('counts per client behind a trusted proxy, each by its X-Forwarded-For', async () => {
    const a = await anApp(['127.0.0.1']);
    for (let i = 0; i < 10; i++) expect((await guess(a, `user${i}`, { forwardedFor: '203.0.113.7' })).statusCode).toBe(401);
    expect((await guess(a, 'user10', { forwardedFor: '203.0.113.7' })).statusCode).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await guess(a, 'user11', { forwardedFor: '203.0.113.8' })).statusCode).toBe(401);
  });

  it('limits guesses at one account from many addresses, and leaves other accounts alone', async () => {
    const a = await anApp(['127.0.0.1']);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await guess(a, i % 2 ? 'Anna.Real' : 'anna.real', { forwardedFor: `198.51.100.${i + 1}` })).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await guess(a, 'anna.real', { forwardedFor: '198.51.100.200' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits: the account is limited, not the guess.
    const right = await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna.real', password: 'correct horse battery' }, headers: { 'x-forwarded-for': '198.51.100.201' } });
    expect(right.statusCode).toBe(429);
    expect((await guess(a, 'someone.else', { forwardedFor: '198.51.100.202' })).statusCode).toBe(401);
  });
});
