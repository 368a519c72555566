import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { browse, CookieJar, demoCitizenSignIn, EINER, gladsaxeWithEiner, location, LONNI, pickTestPerson, signInAsCitizen } from '../../test-support/citizen-sign-in.ts';
import { createTestApp } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { removeExpiredCitizenSessions } from './citizen-session.service.ts';


const START = Date.parse('2026-11-22T10:00:00Z');
let now = START;
const clock: Clock = { now: () => new Date(now) };

let database: Database;
let app: App;
let einerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  einerId = await gladsaxeWithEiner(database.db);
  app = await createTestApp(database, { clock, citizenSignIn: demoCitizenSignIn() });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const auditOf = (action: string) =>
  database.db.selectFrom('audit_event').select(['actor_label', 'actor_citizen_id', 'actor_user_id', 'citizen_id', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();

describe('citizen sign-in through the demo identity provider', () => {
  it('runs the authorization code flow with PKCE, state and nonce, and opens a citizen session', async () => {
    const jar = new CookieJar();
    const start = await browse(app, jar, '/borger/auth/log-ind?til=/borger');
    expect(start.statusCode).toBe(303);
    const authorize = new URL(location(start));
    expect(authorize.origin + authorize.pathname).toBe('http://localhost/demo-idp/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')).toBe('openid mitid ssn');
    expect(jar.cookies.has('samkraft_borger_login')).toBe(true);

    const callback = await pickTestPerson(app, jar, authorize.href, EINER);
    expect(callback).toMatch(/^http:\/\/localhost\/borger\/auth\/callback\?/);
    const done = await browse(app, jar, callback);
    expect(location(done)).toBe('/borger');
    const setCookie = [done.headers['set-cookie'] ?? []].flat().join('\n');
    expect(setCookie).toMatch(/samkraft_borger=[^;]+;.*Path=\/api\/borger/);
    expect(setCookie).toMatch(/samkraft_borger=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/samkraft_borger=[^;]+;.*SameSite=Strict/);

    const session = await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie: `samkraft_borger=${jar.cookies.get('samkraft_borger')}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ citizen: { givenName: 'Einer Test', familyName: 'Lauridsen' } });
    expect(session.body).not.toContain(EINER);

    // The sign-in under way served once: the same callback again is refused.
    const again = await browse(app, jar, callback);
    expect(location(again)).toBe('/borger/log-ind?fejl=state');

    const rows = await database.db.selectFrom('citizen_session').select(['citizen_id', 'assurance_level']).execute();
    expect(rows).toContainEqual({ citizen_id: einerId, assurance_level: 'https://data.gov.dk/concept/core/nsis/Substantial' });
    const signIns = await auditOf('citizen_auth.sign_in');
    expect(signIns).toContainEqual(expect.objectContaining({ actor_label: 'citizen', actor_citizen_id: einerId, actor_user_id: null, citizen_id: einerId, outcome: 'allowed' }));
    expect(JSON.stringify(signIns)).not.toContain(EINER);
  });

  it('signs in afresh as another person on the same browser without signing out first (prompt=login)', async () => {
    const first = await signInAsCitizen(app, EINER);
    const authorize = location(await browse(app, first.jar, '/borger/auth/log-ind'));
    const callback = await pickTestPerson(app, first.jar, authorize, LONNI);
    expect(location(await browse(app, first.jar, callback))).toBe('/borger/ukendt');
    // The first person's session is no longer this browser's.
    expect(first.jar.cookies.has('samkraft_borger')).toBe(false);
  });

  it('refuses a callback whose state is not the one it sent', async () => {
    const jar = new CookieJar();
    const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
    const callback = new URL(await pickTestPerson(app, jar, authorize, EINER));
    callback.searchParams.set('state', 'forged-state');
    const done = await browse(app, jar, callback.href);
    expect(location(done)).toBe('/borger/log-ind?fejl=state');
    expect(jar.cookies.has('samkraft_borger')).toBe(false);
  });

  it('refuses a callback without the sign-in cookie (another browser)', async () => {
    const jar = new CookieJar();
    const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
    const callback = await pickTestPerson(app, jar, authorize, EINER);
    jar.cookies.delete('samkraft_borger_login');
    expect(location(await browse(app, jar, callback))).toBe('/borger/log-ind?fejl=state');
  });

  it('refuses an id token whose nonce is not the one it sent', async () => {
    const jar = new CookieJar();
    const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
    const callback = await pickTestPerson(app, jar, authorize, EINER);
    // The sign-in under way now expects another nonce than the provider put in the id token.
    await database.db.updateTable('citizen_sign_in').set({ nonce: 'another-nonce' }).execute();
    expect(location(await browse(app, jar, callback))).toBe('/borger/log-ind?fejl=provider');
    expect(jar.cookies.has('samkraft_borger')).toBe(false);
  });

  it('refuses a provider whose claims carry no CPR in the configured claim', async () => {
    const other = await createTestApp(database, { clock, citizenSignIn: demoCitizenSignIn({ cprClaim: 'mitid.cpr' }) });
    try {
      const jar = new CookieJar();
      const authorize = location(await browse(other, jar, '/borger/auth/log-ind'));
      const callback = await pickTestPerson(other, jar, authorize, EINER);
      expect(location(await browse(other, jar, callback))).toBe('/borger/log-ind?fejl=cpr_missing');
    } finally {
      await other.close();
    }
  });

  it('creates no account for a person who is not a citizen in Samkraft, and says so', async () => {
    const before = await database.db.selectFrom('citizen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const jar = new CookieJar();
    const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
    const callback = await pickTestPerson(app, jar, authorize, LONNI);
    expect(location(await browse(app, jar, callback))).toBe('/borger/ukendt');
    expect(jar.cookies.has('samkraft_borger')).toBe(false);
    const after = await database.db.selectFrom('citizen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const refusals = await auditOf('citizen_auth.sign_in');
    expect(refusals).toContainEqual(expect.objectContaining({ actor_label: 'system:citizen-sign-in', citizen_id: null, outcome: 'denied', detail: { reason: 'unknown_citizen' } }));
    expect(JSON.stringify(refusals)).not.toContain(LONNI);
  });

  it('refuses the provider’s error answer (the citizen cancelled at the provider)', async () => {
    const jar = new CookieJar();
    const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
    const interaction = location(await browse(app, jar, authorize));
    await browse(app, jar, interaction);
    const resume = location(await browse(app, jar, `${interaction}/cancel`, { method: 'POST', form: {} }));
    const callback = location(await browse(app, jar, resume));
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    expect(location(await browse(app, jar, callback))).toBe('/borger/log-ind?fejl=provider');
  });

  it('ends a session when idle too long, and removes it in the cleanup', async () => {
    const citizen = await signInAsCitizen(app, EINER);
    expect((await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie: citizen.cookie } })).statusCode).toBe(200);
    now = START + 16 * 60_000;
    try {
      expect((await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie: citizen.cookie } })).statusCode).toBe(401);
      now = START + 24 * 60 * 60_000;
      await removeExpiredCitizenSessions({ db: database.db, clock });
      expect(await database.db.selectFrom('citizen_session').select('token_hash').execute()).toEqual([]);
      expect(await database.db.selectFrom('citizen_sign_in').select('token_hash').execute()).toEqual([]);
    } finally {
      now = START;
    }
  });

  it('signs out here and hands the browser the provider’s end-session URL (RP-initiated logout)', async () => {
    const citizen = await signInAsCitizen(app, EINER);
    const withoutCsrf = await app.inject({ method: 'POST', url: '/api/borger/auth/sign-out', headers: { cookie: citizen.cookie } });
    expect(withoutCsrf.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/borger/auth/sign-out', headers: citizen.headers });
    expect(out.statusCode).toBe(200);
    const logoutUrl = new URL(out.json<{ logoutUrl: string }>().logoutUrl);
    expect(logoutUrl.pathname).toBe('/demo-idp/session/end');
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost/borger/logget-ud');
    expect(logoutUrl.searchParams.get('client_id')).toBe('samkraft-demo');
    expect(logoutUrl.searchParams.has('id_token_hint')).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie: citizen.cookie } })).statusCode).toBe(401);
    // The provider asks, then ends its own session and sends the browser back to Samkraft.
    const confirm = await browse(app, citizen.jar, logoutUrl.href);
    expect(confirm.statusCode).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1] ?? '';
    const ended = await browse(app, citizen.jar, '/demo-idp/session/end/confirm', { method: 'POST', form: { xsrf, logout: 'yes' } });
    expect(location(ended)).toBe('http://localhost/borger/logget-ud');
    expect(await auditOf('citizen_auth.sign_out')).toContainEqual(expect.objectContaining({ actor_citizen_id: (await database.db.selectFrom('citizen').select('id').where('cpr', '=', EINER).executeTakeFirstOrThrow()).id, outcome: 'allowed' }));
  });

  it('sends the browser back with "unavailable" when citizen sign-in is not configured', async () => {
    const off = await createTestApp(database, { clock });
    try {
      expect(location(await browse(off, new CookieJar(), '/borger/auth/log-ind'))).toBe('/borger/log-ind?fejl=unavailable');
      const discovery = await off.inject({ method: 'GET', url: '/demo-idp/.well-known/openid-configuration' });
      expect(discovery.statusCode).not.toBe(200);
      expect(discovery.body).not.toContain('issuer');
    } finally {
      await off.close();
    }
  });
});
