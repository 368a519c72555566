import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { hashPassword } from './password.ts';

let database: Database;
let app: App;
let demoUser: string;
let realUser: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  demoUser = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person'], username: 'gladsaxe.demo' });
  realUser = await aStaffUser(database.db, {
    municipalityCode: '0159',
    roles: ['municipal_lead'],
    username: 'anna.real',
    isDemo: false,
    passwordHash: await hashPassword('correct horse battery'),
  });
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('sign-in', () => {
  it('lists demo users only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/demo-users' });
    const users = res.json().users as { id: string }[];
    expect(users.map((u) => u.id)).toEqual([demoUser]);
    expect(res.json().demoServer).toBe(false);
  });

  it('tells the sign-in page when demo users are offered on a demo server', async () => {
    const demoServerApp = await buildApp({
      database,
      clock: { now: () => new Date('2026-11-22T10:00:00Z') },
      config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, demoServer: true, webDistDir: '/none', logLevel: 'silent' },
      logger: false,
    });
    const res = await demoServerApp.inject({ method: 'GET', url: '/api/auth/demo-users' });
    expect(res.json()).toMatchObject({ enabled: true, demoServer: true });
    await demoServerApp.close();
  });

  it('signs in with a password into a secure, http-only, same-site session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'Anna.Real', password: 'correct horse battery' } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/samkraft_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json().user.id).toBe(realUser);
  });

  it('refuses a wrong password with 401 and the same answer as an unknown user', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna.real', password: 'wrong password!!' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong password!!' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('refuses demo sign-in for a real user', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/demo-login', payload: { userId: realUser } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('userId');
  });

  it('names the missing field on a bad body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna.real' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('password');
  });
});

describe('session and CSRF', () => {
  it('returns the session with its CSRF token', async () => {
    const c = await signIn(app, demoUser);
    const res = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().csrfToken).toBe(c.csrf);
    expect(res.json().user.municipality).toEqual({ code: '0159', name: 'Gladsaxe' });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await signIn(app, demoUser);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('signs out with the token, after which the cookie is worthless', async () => {
    const c = await signIn(app, demoUser);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: c.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('expires a session that has been idle longer than the idle limit', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const idleApp = await buildApp({
      database,
      clock,
      config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, webDistDir: '/none', logLevel: 'silent' },
      logger: false,
    });
    const c = await signIn(idleApp, demoUser);
    now = new Date('2026-11-22T10:29:00Z');
    expect((await idleApp.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie } })).statusCode).toBe(200);
    now = new Date('2026-11-22T10:58:00Z'); // 29 minutes after the last request: still alive
    expect((await idleApp.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie } })).statusCode).toBe(200);
    now = new Date('2026-11-22T11:29:00Z'); // 31 minutes idle
    expect((await idleApp.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie } })).statusCode).toBe(401);
    await idleApp.close();
  });

  it('turns demo sign-in off outside demo mode', async () => {
    const prodApp = await createTestApp(database, { demo: false });
    const res = await prodApp.inject({ method: 'POST', url: '/api/auth/demo-login', payload: { userId: demoUser } });
    expect(res.statusCode).toBe(403);
    expect((await prodApp.inject({ method: 'GET', url: '/api/auth/demo-users' })).json()).toEqual({ enabled: false, demoServer: false, users: [] });
    await prodApp.close();
  });
});
