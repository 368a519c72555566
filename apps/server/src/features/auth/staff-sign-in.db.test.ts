import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { CookieJar, browse, location } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { localStaffSignIn, postAcs, signInThroughOidc, signInThroughSaml, startSaml } from '../../test-support/staff-sign-in.ts';
import { expectServiceProviderMetadata } from '../../test-support/saml-metadata.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { buildSamlResponse, signedLogoutRequestPost, type SamlAssertionSubject, type Tamper } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import { DEMO_IDP_CERTIFICATE, DEMO_IDP_PRIVATE_KEY, DEMO_SP_CERTIFICATE } from './demo-keys.ts';
import { demoStaffDirectory, staffAssertionSubject } from './demo-staff-directory.ts';
import { samlUrls } from '../../platform/auth/saml/saml-service-provider.ts';
import { hashToken } from './session.rules.ts';
import { demoSignInConfig } from './sign-in-config.ts';

let database: Database;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  app = await createTestApp(database, { staffSignIn: localStaffSignIn() });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const session = async (jar: CookieJar) => browse(app, jar, '/api/auth/session');
const deniedSignIns = () =>
  database.db.selectFrom('audit_event').select(['actor_label', 'outcome', 'detail', 'citizen_id']).where('action', '=', 'auth.sign_in').where('outcome', '=', 'denied').orderBy('id').execute();

const config = demoSignInConfig('http://localhost');
const saml = config.providers.find((p) => p.kind === 'saml')!;
const idp = { entityId: saml.kind === 'saml' ? saml.idp.entityId : '', privateKey: DEMO_IDP_PRIVATE_KEY, certificate: DEMO_IDP_CERTIFICATE };
const sp = { entityId: saml.kind === 'saml' ? saml.sp.entityId : '', acsUrl: samlUrls('http://localhost', 'kombit').acs, sloUrl: samlUrls('http://localhost', 'kombit').slo, certificate: DEMO_SP_CERTIFICATE };
const kontakt = demoStaffDirectory().find('gladsaxe-kontakt')!;

/** A fresh sign-in answered with a (maybe tampered) response of the local IdP's shape. */
async function answerWith(tamper: Tamper | undefined, o: { inResponseTo?: string; nameId?: Partial<SamlAssertionSubject> } = {}) {
  const jar = new CookieJar();
  const started = await startSaml(app, jar);
  const response = await buildSamlResponse({ subject: { ...staffAssertionSubject(kontakt), ...o.nameId }, idp, sp, inResponseTo: o.inResponseTo ?? started.requestId, sessionIndex: '_s1', ...(tamper ? { tamper } : {}) });
  return { jar, res: await postAcs(app, jar, response, started.relayState), started, response };
}

async function expectRefused(res: Awaited<ReturnType<typeof postAcs>>, reason: string) {
  expect(location(res)).toBe(`/login?fejl=${reason}`);
  const last = (await deniedSignIns()).at(-1);
  expect(last).toMatchObject({ actor_label: 'system:staff-sign-in', outcome: 'denied', citizen_id: null, detail: { provider: 'kombit', reason } });
  // No personal data beyond the provider's subject: no name, no e-mail, no attributes.
  expect(JSON.stringify(last?.detail)).not.toContain(kontakt.email);
}

describe('staff sign-in through the local SAML IdP (KOMBIT-shaped, OIOSAML 3)', () => {
  it('signs a Gladsaxe contact person in with the mapped role and municipality, at the assertion’s NSIS level', async () => {
    const jar = new CookieJar();
    const res = await signInThroughSaml(app, jar, 'gladsaxe-kontakt');
    expect(location(res)).toBe('/');
    const info = (await session(jar)).json<{ user: { displayName: string; roles: string[]; municipality: { code: string } } }>();
    expect(info.user).toMatchObject({ displayName: 'Karen Kontaktperson', roles: ['contact_person'], municipality: { code: '0159' } });
    const row = await database.db.selectFrom('staff_session').select(['provider', 'assurance_level', 'idp_subject', 'idp_session_ref']).where('provider', '=', 'kombit').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider: 'kombit', assurance_level: 'substantial', idp_subject: kontakt.nameId });
    expect(row.idp_session_ref).toMatch(/^_s/);
    // The user made at sign-in is audited with the provider, the roles and the municipality it was given.
    const created = await database.db.selectFrom('audit_event').select(['actor_label', 'entity_id', 'detail']).where('action', '=', 'staff.create').execute();
    expect(created).toContainEqual({ actor_label: 'system:staff-sign-in', entity_id: expect.any(String), detail: { provider: 'kombit', municipalityCode: '0159', roles: ['contact_person'] } });
    // The user's own session list says how they signed in (issue 15.5).
    const mine = await browse(app, jar, '/api/me/sessions');
    expect(mine.json<{ sessions: { provider: string | null; assuranceLevel: string | null; current: boolean }[] }>().sessions).toEqual([expect.objectContaining({ provider: 'kombit', assuranceLevel: 'substantial', current: true })]);
  });

  it('serves the SP metadata at a URL: signed requests, encryption key, ACS and single logout', async () => expectServiceProviderMetadata(app, 'kombit'));

  it('refuses a bad signature', async () => expectRefused((await answerWith({ badSignature: true })).res, 'signature'));
  it('refuses an expired assertion', async () => expectRefused((await answerWith({ expired: true })).res, 'expired'));
  it('refuses a wrong audience', async () => expectRefused((await answerWith({ audience: 'https://someone-else.example/sp' })).res, 'audience'));
  it('refuses an unencrypted assertion (encryption is required)', async () => expectRefused((await answerWith({ unencrypted: true })).res, 'not_encrypted'));
  it('refuses an answer to another request (InResponseTo)', async () => expectRefused((await answerWith(undefined, { inResponseTo: '_not-ours' })).res, 'in_response_to'));

  it('refuses a replayed assertion: it signs in at most once', async () => {
    const first = await answerWith({ assertionId: '_replay-me' });
    expect(location(first.res)).toBe('/');
    // The same assertion again, inside a new sign-in of its own (a captured response replayed).
    const jar = new CookieJar();
    const again = await startSaml(app, jar);
    const replayed = await buildSamlResponse({ subject: staffAssertionSubject(kontakt), idp, sp, inResponseTo: again.requestId, sessionIndex: '_s2', tamper: { assertionId: '_replay-me' } });
    await expectRefused(await postAcs(app, jar, replayed, again.relayState), 'replayed');
  });

  it('refuses an answer without a sign-in under way (no or unknown RelayState)', async () => {
    const response = await buildSamlResponse({ subject: staffAssertionSubject(kontakt), idp, sp, inResponseTo: '_x', sessionIndex: '_s3' });
    await expectRefused(await postAcs(app, new CookieJar(), response, 'not-a-sign-in'), 'state');
  });
});

describe('staff sign-in through the local OIDC provider (Gladsaxe’s Microsoft account)', () => {
  it('signs a user in with roles from the groups claim and the session’s sid', async () => {
    const jar = new CookieJar();
    const res = await signInThroughOidc(app, jar, 'gladsaxe-terapeut');
    expect(location(res)).toBe('/');
    const info = (await session(jar)).json<{ user: { roles: string[]; municipality: { code: string } } }>();
    expect(info.user).toMatchObject({ roles: ['therapist'], municipality: { code: '0159' } });
    const row = await database.db.selectFrom('staff_session').select(['assurance_level', 'idp_session_ref']).where('provider', '=', 'gladsaxe-entra').executeTakeFirstOrThrow();
    expect(row.assurance_level).toBe('substantial');
    expect(row.idp_session_ref).toBeTruthy();
  });

  it('refuses an id token with a wrong nonce', async () => {
    const jar = new CookieJar();
    const res = await signInThroughOidc(app, jar, 'gladsaxe-terapeut', { tamperAuthorizeUrl: (url) => url.replace(/nonce=[^&]+/, 'nonce=someone-elses-nonce') });
    expect(location(res)).toBe('/login?fejl=nonce');
    expect((await deniedSignIns()).at(-1)).toMatchObject({ actor_label: 'system:staff-sign-in', outcome: 'denied', detail: { provider: 'gladsaxe-entra', reason: 'nonce' } });
  });
});

describe('a user whose provider no longer sends a mapped role', () => {
  it('is deactivated (sessions ended) and refused, audited', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughSaml(app, jar, 'gladsaxe-leder'))).toBe('/');
    expect((await session(jar)).statusCode).toBe(200);
    // The administrator takes the role away at the IdP (the local IdP's users' page).
    const page = new CookieJar();
    expect((await browse(app, page, '/demo-saml-idp/brugere/gladsaxe-leder', { method: 'POST', form: { save: '1' } })).statusCode).toBe(303);
    expect(location(await signInThroughSaml(app, new CookieJar(), 'gladsaxe-leder'))).toBe('/login?fejl=no_role');
    expect((await session(jar)).statusCode).toBe(401);
    const deactivated = await database.db.selectFrom('audit_event').select(['actor_label', 'detail']).where('action', '=', 'auth.user_deactivated').execute();
    expect(deactivated).toEqual([{ actor_label: 'system:staff-sign-in', detail: { provider: 'kombit', reason: 'no_role', sessionsEnded: 1 } }]);
    // Given a role again at the IdP — another one this time — the user is active again, and the change is audited with before and after.
    expect((await browse(app, page, '/demo-saml-idp/brugere/gladsaxe-leder', { method: 'POST', form: { save: '1', role: 'therapist' } })).statusCode).toBe(303);
    const back = new CookieJar();
    expect(location(await signInThroughSaml(app, back, 'gladsaxe-leder'))).toBe('/');
    expect((await session(back)).json<{ user: { roles: string[] } }>().user.roles).toEqual(['therapist']);
    const updated = await database.db.selectFrom('audit_event').select(['actor_label', 'detail']).where('action', '=', 'staff.update').execute();
    expect(updated.at(-1)).toEqual({
      actor_label: 'system:staff-sign-in',
      detail: { provider: 'kombit', before: { municipalityCode: '0159', roles: ['municipal_lead'], active: false }, after: { municipalityCode: '0159', roles: ['therapist'], active: true } },
    });
  });
});

describe('the NSIS level', () => {
  it('is asked for in the AuthnRequest: RequestedAuthnContext Comparison="minimum" at the configured person-data level', async () => {
    const { idpUrl } = await startSaml(app, new CookieJar());
    const xml = inflateRawSync(Buffer.from(new URL(idpUrl).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    expect(config.personDataLevel).toBe('substantial');
    expect(xml).toMatch(/<samlp:RequestedAuthnContext [^>]*Comparison="minimum"[^>]*>\s*<saml:AuthnContextClassRef[^>]*>https:\/\/data\.gov\.dk\/concept\/core\/nsis\/loa\/Substantial<\/saml:AuthnContextClassRef>\s*<\/samlp:RequestedAuthnContext>/);
    // The local IdP reads it (and still answers at the account's own level: the check below stays Samkraft's).
    expect((await browse(app, new CookieJar(), idpUrl)).body).toContain('(minimum): https://data.gov.dk/concept/core/nsis/loa/Substantial');
  });
  it('refuses a citizen’s course to a session below the person-data level, allows it at the level', async () => {
    const citizenId = await aCitizen(database.db, { homeMunicipalityCode: '0159' });
    const { courseId } = await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: '0159' });
    const low = new CookieJar();
    expect(location(await signInThroughSaml(app, low, 'gladsaxe-lav'))).toBe('/');
    expect((await browse(app, low, `/api/courses/${courseId}`)).statusCode).toBe(403);
    // Below the level, every list of citizens is refused too — the start page, the worklist, a search,
    // the FHIR API's people — while one's own account, the catalogue and reference data stay open.
    for (const url of ['/api/start', '/api/worklist', '/fhir/Patient', `/fhir/EpisodeOfCare/course-${courseId}`]) {
      const refused = await browse(app, low, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body, url).toContain('NSIS');
    }
    for (const url of ['/api/auth/session', '/api/me/sessions', '/api/catalogue/interventions', '/api/municipalities', '/fhir/metadata']) {
      expect((await browse(app, low, url)).statusCode, url).toBe(200);
    }
    // Each refusal is audited: the route's pattern (no record is named) and the levels, no citizen.
    const refusals = await database.db.selectFrom('audit_event').select(['outcome', 'citizen_id', 'detail']).where('action', '=', 'auth.person_data_refused').execute();
    expect(refusals.map((r) => (r.detail as { route: string }).route).sort()).toEqual(['/api/courses/:courseId', '/api/start', '/api/worklist', '/fhir/:type', '/fhir/:type/:id']);
    expect(refusals.find((r) => (r.detail as { route: string }).route === '/api/start')).toEqual({ outcome: 'denied', citizen_id: null, detail: { reason: 'assurance_level', method: 'GET', route: '/api/start', level: 'low', required: 'substantial' } });
    const ok = new CookieJar();
    expect(location(await signInThroughSaml(app, ok, 'gladsaxe-kontakt'))).toBe('/');
    expect((await browse(app, ok, `/api/courses/${courseId}`)).statusCode).toBe(200);
  });
});

describe('single logout', () => {
  it('SAML: a LogoutRequest from the IdP ends the session of its NameID and SessionIndex', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughSaml(app, jar, 'gladsaxe-terapeut'))).toBe('/');
    const users = await browse(app, new CookieJar(), '/demo-saml-idp/brugere');
    const sessionIndex = [...users.body.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]!).at(-1)!;
    const toSp = location(await browse(app, new CookieJar(), '/demo-saml-idp/logout', { method: 'POST', form: { session: sessionIndex } }));
    const back = await browse(app, new CookieJar(), toSp);
    expect(location(back)).toContain('/demo-saml-idp/slo?SAMLResponse=');
    expect((await session(jar)).statusCode).toBe(401);
    const audited = await database.db.selectFrom('audit_event').select(['actor_label', 'detail']).where('action', '=', 'auth.single_logout').execute();
    expect(audited.at(-1)).toMatchObject({ actor_label: 'system:staff-sign-in', detail: { provider: 'kombit' } });
  });

  it('SAML: a LogoutRequest over HTTP-POST (the binding the metadata names first) ends the session too', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughSaml(app, jar, 'gladsaxe-kontakt'))).toBe('/');
    const row = await database.db.selectFrom('staff_session').select('idp_session_ref').where('token_hash', '=', hashToken(jar.cookies.get('samkraft_session')!)).executeTakeFirstOrThrow();
    const request = await signedLogoutRequestPost({ idpEntityId: idp.entityId, destination: sp.sloUrl, nameId: kontakt.nameId, sessionIndex: row.idp_session_ref!, privateKey: DEMO_IDP_PRIVATE_KEY, certificate: DEMO_IDP_CERTIFICATE });
    const res = await browse(app, new CookieJar(), '/api/auth/saml/kombit/slo', { method: 'POST', form: { SAMLRequest: request } });
    expect(location(res)).toContain('/demo-saml-idp/slo?SAMLResponse=');
    expect((await session(jar)).statusCode).toBe(401);
  });

  it('SAML: the LogoutRequest names the user in the NameID format the IdP sent (transient here; it used to be unspecified always)', async () => {
    const transient = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
    const { jar, res } = await answerWith(undefined, { nameId: { nameIdFormat: transient, nameQualifier: idp.entityId } });
    expect(location(res)).toBe('/');
    const row = await database.db.selectFrom('staff_session').selectAll().where('token_hash', '=', hashToken(jar.cookies.get('samkraft_session')!)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ idp_subject: kontakt.nameId, idp_name_id_format: transient, idp_name_qualifier: idp.entityId, idp_sp_name_qualifier: null });
    const csrf = (await session(jar)).json<{ csrfToken: string }>().csrfToken;
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: jar.header('/api/auth/sign-out'), 'x-csrf-token': csrf }, payload: {} });
    const xml = inflateRawSync(Buffer.from(new URL(out.json<{ logoutUrl: string }>().logoutUrl).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    const nameId = /<saml:NameID\b[^>]*>[^<]*<\/saml:NameID>/.exec(xml)?.[0] ?? '';
    expect(nameId).toContain(`Format="${transient}"`);
    expect(nameId).toContain(`NameQualifier="${idp.entityId}"`);
    expect(nameId).not.toContain('SPNameQualifier');
  });

  it('SAML: signing out in Samkraft sends a signed LogoutRequest to the IdP, whose answer lands on the sign-in page', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughSaml(app, jar, 'gladsaxe-kontakt'))).toBe('/');
    const csrf = (await session(jar)).json<{ csrfToken: string }>().csrfToken;
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: jar.header('/api/auth/sign-out'), 'x-csrf-token': csrf }, payload: {} });
    expect(res.statusCode).toBe(200);
    const logoutUrl = res.json<{ logoutUrl: string }>().logoutUrl;
    expect(logoutUrl).toContain('/demo-saml-idp/slo?SAMLRequest=');
    expect(logoutUrl).toContain('Signature=');
    const back = location(await browse(app, new CookieJar(), logoutUrl));
    expect(location(await browse(app, new CookieJar(), back))).toBe('/login?logget-ud=1');
  });
});

describe('passwords and demo users switched off by configuration', () => {
  it('refuses both, and the sign-in page offers only the providers', async () => {
    const off = await createTestApp(database, { staffSignIn: localStaffSignIn({ methods: ['saml', 'oidc'] }) });
    try {
      const methods = (await off.inject({ method: 'GET', url: '/api/auth/sign-in-methods' })).json<{ password: boolean; demo: boolean; providers: { id: string; loginUrl: string }[] }>();
      expect(methods).toMatchObject({ password: false, demo: false });
      expect(methods.providers.map((p) => p.loginUrl)).toEqual(['/api/auth/saml/kombit/login', '/api/auth/oidc/gladsaxe-entra/login']);
      expect((await off.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode).toBe(403);
      expect((await off.inject({ method: 'POST', url: '/api/auth/demo-login', payload: { userId: '00000000-0000-4000-8000-000000000000' } })).statusCode).toBe(403);
      expect((await off.inject({ method: 'GET', url: '/api/auth/demo-users' })).json()).toMatchObject({ enabled: false, users: [] });
    } finally {
      await off.close();
    }
  });
});

describe('the administrators’ view of the sign-in providers', () => {
  it('shows the methods, providers and mappings in words to an administrator, and to no one else', async () => {
    const adminId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['administrator'], isDemo: true });
    const admin = await signIn(app, adminId);
    const res = await app.inject({ method: 'GET', url: '/api/admin/sign-in-providers', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const view = res.json<{ methods: { on: string[] }; personDataLevel: string; providers: { id: string; rules: string[] }[] }>();
    expect(view.methods.on).toEqual(['password', 'demo', 'saml', 'oidc']);
    expect(view.personDataLevel).toBe('substantial');
    expect(view.providers.find((p) => p.id === 'kombit')?.rules.join('\n')).toContain('→ rollen contact_person');
    expect(view.providers.find((p) => p.id === 'gladsaxe-entra')?.rules.join('\n')).toContain('Gruppen samkraft-therapist');
    const otherId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person'], isDemo: true });
    expect((await app.inject({ method: 'GET', url: '/api/admin/sign-in-providers', headers: (await signIn(app, otherId)).headers })).statusCode).toBe(403);
  });
});
