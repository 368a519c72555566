import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse, readRedirectMessage, type SamlAssertionSubject, type Tamper } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { browse, CookieJar, demoCitizenSaml, EINER, gladsaxeWithEiner, location, LONNI } from '../../test-support/citizen-sign-in.ts';
import { expectServiceProviderMetadata } from '../../test-support/saml-metadata.ts';
import { createTestApp } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { hashToken } from '../auth/session.rules.ts';
import { demoNemLogInParties, nemLogInAssertionSubject } from './demo-nemlogin.routes.ts';
import { demoTestPersons, demoSubject } from './demo-test-persons.ts';

const person = (cpr: string) => demoTestPersons().find((p) => p.cpr === cpr)!;
const parties = demoNemLogInParties('http://localhost', demoCitizenSaml().spEntityId);

let database: Database;
let app: App;
let einerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  einerId = await gladsaxeWithEiner(database.db);
  // NemLog-in only: the broker (OpenID Connect) is off in this app.
  app = await createTestApp(database, { citizenSaml: demoCitizenSaml() });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const auditOf = (action: string) =>
  database.db.selectFrom('audit_event').select(['actor_label', 'actor_citizen_id', 'citizen_id', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
const session = (jar: CookieJar) => browse(app, jar, '/api/borger/session');

/** Samkraft's redirect to NemLog-in: the AuthnRequest's ID and the RelayState NemLog-in must send back. */
async function startSignIn(jar: CookieJar) {
  const start = await browse(app, jar, '/api/auth/saml/nemlog-in/login?til=/borger');
  expect(start.statusCode).toBe(303);
  const idpUrl = new URL(location(start));
  const request = readRedirectMessage(idpUrl.searchParams.get('SAMLRequest') ?? '') as { AuthnRequest?: { '@ID'?: string } };
  return { idpUrl: idpUrl.href, requestId: request.AuthnRequest?.['@ID'] ?? '', relayState: idpUrl.searchParams.get('RelayState') ?? '' };
}

const postAcs = (jar: CookieJar, samlResponse: string, relayState: string) => browse(app, jar, '/api/auth/saml/nemlog-in/acs', { method: 'POST', form: { SAMLResponse: samlResponse, RelayState: relayState } });

/** The whole journey through the local NemLog-in IdP's pages as the test person with this CPR (answered at `loa` when given); returns the ACS's answer. */
async function signInThroughNemLogIn(jar: CookieJar, cpr: string, loa?: string) {
  const { idpUrl } = await startSignIn(jar);
  const picker = await browse(app, jar, idpUrl);
  expect(picker.statusCode).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(picker.body)?.[1];
  if (!action) throw new Error(`the local NemLog-in IdP offered no one: ${picker.body.slice(0, 300)}`);
  const post = await browse(app, jar, action, { method: 'POST', form: { person: demoSubject(cpr), ...(loa ? { loa } : {}) } });
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(post.body)?.[1] ?? '';
  expect(field('SAMLResponse')).not.toBe('');
  return postAcs(jar, field('SAMLResponse'), field('RelayState'));
}

/** A fresh sign-in answered with a (maybe tampered) NemLog-in-shaped response; `nameId` changes how the NameID is written. */
async function answerWith(o: { tamper?: Tamper; loa?: 'Low' | 'Substantial' | 'High'; nameId?: Partial<SamlAssertionSubject> } = {}) {
  const jar = new CookieJar();
  const started = await startSignIn(jar);
  const response = await buildSamlResponse({ subject: { ...nemLogInAssertionSubject(person(EINER), o.loa), ...o.nameId }, ...parties, inResponseTo: started.requestId, sessionIndex: '_s1', ...(o.tamper ? { tamper: o.tamper } : {}) });
  return { jar, res: await postAcs(jar, response, started.relayState), started, response };
}

async function expectRefused(r: Awaited<ReturnType<typeof answerWith>>, reason: string, samlRefusal?: string) {
  expect(location(r.res)).toBe(`/borger/log-ind?fejl=${reason}`);
  expect((await session(r.jar)).statusCode).toBe(401);
  const last = (await auditOf('citizen_auth.sign_in')).at(-1);
  expect(last).toMatchObject({ actor_label: 'system:citizen-sign-in', outcome: 'denied', citizen_id: null, detail: { reason, method: 'saml', ...(samlRefusal ? { samlRefusal } : {}) } });
  expect(JSON.stringify(last)).not.toContain(EINER);
}

describe('citizen sign-in through NemLog-in (SAML 2.0, OIOSAML 3) and the local NemLog-in IdP', () => {
  it('offers NemLog-in on the sign-in page, and not the broker that is off', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/citizen-sign-in-methods' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ oidc: false, saml: true });
  });

  it('signs a known citizen in from a signed and encrypted assertion, and the citizen session answers', async () => {
    const jar = new CookieJar();
    const done = await signInThroughNemLogIn(jar, EINER);
    expect(location(done)).toBe('/borger');
    const setCookie = [done.headers['set-cookie'] ?? []].flat().join('\n');
    expect(setCookie).toMatch(/samkraft_borger=[^;]+;.*Path=\/api\/borger/);
    expect(setCookie).toMatch(/samkraft_borger=[^;]+;.*SameSite=Strict/);
    const info = await session(jar);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ citizen: { givenName: 'Einer Test', familyName: 'Lauridsen' } });
    // The session keeps NemLog-in's pseudonym and SessionIndex for single logout — never the CPR.
    const row = await database.db.selectFrom('citizen_session').selectAll().where('token_hash', '=', hashToken(jar.cookies.get('samkraft_borger')!)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ citizen_id: einerId, provider: 'nemlog-in', assurance_level: 'Substantial' });
    expect(row.idp_subject).toMatch(/^https:\/\/data\.gov\.dk\/model\/core\/eid\/person\/uuid\//);
    expect(JSON.stringify(row)).not.toContain(EINER);
    const audited = (await auditOf('citizen_auth.sign_in')).at(-1);
    expect(audited).toMatchObject({ actor_label: 'citizen', actor_citizen_id: einerId, citizen_id: einerId, outcome: 'allowed', detail: { provider: 'nemlog-in', assuranceLevel: 'Substantial' } });
  });

  it('sends a person Samkraft does not know to /borger/ukendt, audited without the CPR', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughNemLogIn(jar, LONNI))).toBe('/borger/ukendt');
    expect(jar.cookies.has('samkraft_borger')).toBe(false);
    const last = (await auditOf('citizen_auth.sign_in')).at(-1);
    expect(last).toMatchObject({ actor_label: 'system:citizen-sign-in', outcome: 'denied', citizen_id: null, detail: { reason: 'unknown_citizen', method: 'saml' } });
    expect(JSON.stringify(last)).not.toContain(LONNI);
  });

  it('refuses a bad signature', async () => expectRefused(await answerWith({ tamper: { badSignature: true } }), 'provider', 'signature'));
  it('refuses an expired assertion', async () => expectRefused(await answerWith({ tamper: { expired: true } }), 'provider', 'expired'));
  it('refuses a wrong audience', async () => expectRefused(await answerWith({ tamper: { audience: 'https://someone-else.example/sp' } }), 'provider', 'audience'));
  it('refuses an unencrypted assertion (encryption is required)', async () => expectRefused(await answerWith({ tamper: { unencrypted: true } }), 'provider', 'not_encrypted'));
  it('asks NemLog-in for NSIS level Substantial at least: the AuthnRequest carries RequestedAuthnContext Comparison="minimum"', async () => {
    const start = await browse(app, new CookieJar(), '/api/auth/saml/nemlog-in/login?til=/borger');
    const xml = inflateRawSync(Buffer.from(new URL(location(start)).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    expect(xml).toMatch(/<samlp:RequestedAuthnContext [^>]*Comparison="minimum"[^>]*>\s*<saml:AuthnContextClassRef[^>]*>https:\/\/data\.gov\.dk\/concept\/core\/nsis\/loa\/Substantial<\/saml:AuthnContextClassRef>\s*<\/samlp:RequestedAuthnContext>/);
    // The local NemLog-in IdP reads it and says it on its page.
    const picker = await browse(app, new CookieJar(), location(start));
    expect(picker.body).toContain('(minimum): https://data.gov.dk/concept/core/nsis/loa/Substantial');
  });
  it('still refuses an answer at level Low though Substantial was asked for (the IdP told to answer lower)', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughNemLogIn(jar, EINER, 'Low'))).toBe('/borger/log-ind?fejl=assurance');
    expect((await session(jar)).statusCode).toBe(401);
  });
  it('refuses NSIS level Low (Substantial or High is required)', async () => expectRefused(await answerWith({ loa: 'Low' }), 'assurance'));
  it('signs in at NSIS level High', async () => {
    const { res } = await answerWith({ loa: 'High' });
    expect(location(res)).toBe('/borger');
  });

  it('refuses a replayed assertion: one use, even with a new sign-in under way', async () => {
    const first = await answerWith({ tamper: { assertionId: '_citizen-replay' } });
    expect(location(first.res)).toBe('/borger');
    const again = new CookieJar();
    const started = await startSignIn(again);
    const replayed = await buildSamlResponse({ subject: nemLogInAssertionSubject(person(EINER)), ...parties, inResponseTo: started.requestId, sessionIndex: '_s2', tamper: { assertionId: '_citizen-replay' } });
    await expectRefused({ jar: again, res: await postAcs(again, replayed, started.relayState), started, response: replayed }, 'provider', 'replayed');
  });

  it('refuses an answer to another request, and one without a sign-in under way', async () => {
    const jar = new CookieJar();
    const started = await startSignIn(jar);
    const other = await buildSamlResponse({ subject: nemLogInAssertionSubject(person(EINER)), ...parties, inResponseTo: '_not-ours', sessionIndex: '_s3' });
    await expectRefused({ jar, res: await postAcs(jar, other, started.relayState), started, response: other }, 'provider', 'in_response_to');
    const lost = new CookieJar();
    const unsolicited = await buildSamlResponse({ subject: nemLogInAssertionSubject(person(EINER)), ...parties, inResponseTo: '_x', sessionIndex: '_s4' });
    await expectRefused({ jar: lost, res: await postAcs(lost, unsolicited, 'no-such-relay-state'), started, response: unsolicited }, 'state');
  });

  it('serves the SP metadata: signed requests, encrypted assertions wanted, ACS and single logout', async () => expectServiceProviderMetadata(app, 'nemlog-in'));
});

describe('single logout with NemLog-in', () => {
  it('signing out in Samkraft ends the session and sends a signed LogoutRequest to NemLog-in, whose answer lands on the signed-out page', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughNemLogIn(jar, EINER))).toBe('/borger');
    const csrf = (await session(jar)).json<{ csrfToken: string }>().csrfToken;
    const res = await app.inject({ method: 'POST', url: '/api/borger/auth/sign-out', headers: { cookie: jar.header('/api/borger/auth/sign-out'), 'x-csrf-token': csrf } });
    expect(res.statusCode).toBe(200);
    const logoutUrl = res.json<{ logoutUrl: string }>().logoutUrl;
    expect(logoutUrl).toContain('http://localhost/demo-nemlogin/slo?SAMLRequest=');
    expect(logoutUrl).toContain('Signature=');
    expect((await session(jar)).statusCode).toBe(401);
    const back = location(await browse(app, new CookieJar(), logoutUrl));
    expect(back).toContain('/api/auth/saml/nemlog-in/slo?SAMLResponse=');
    expect(location(await browse(app, new CookieJar(), back))).toBe('/borger/logget-ud');
  });

  it('names the person in its LogoutRequest as NemLog-in did: a transient NameID with its qualifiers, not the persistent format', async () => {
    const transient = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
    const { jar, res } = await answerWith({ nameId: { nameId: '_t-einer-1', nameIdFormat: transient, nameQualifier: 'http://localhost/demo-nemlogin', spNameQualifier: parties.sp.entityId } });
    expect(location(res)).toBe('/borger');
    const row = await database.db.selectFrom('citizen_session').selectAll().where('token_hash', '=', hashToken(jar.cookies.get('samkraft_borger')!)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ idp_subject: '_t-einer-1', idp_name_id_format: transient, idp_name_qualifier: 'http://localhost/demo-nemlogin', idp_sp_name_qualifier: parties.sp.entityId });
    const csrf = (await session(jar)).json<{ csrfToken: string }>().csrfToken;
    const out = await app.inject({ method: 'POST', url: '/api/borger/auth/sign-out', headers: { cookie: jar.header('/api/borger/auth/sign-out'), 'x-csrf-token': csrf } });
    const xml = inflateRawSync(Buffer.from(new URL(out.json<{ logoutUrl: string }>().logoutUrl).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    const nameId = /<saml:NameID\b[^>]*>[^<]*<\/saml:NameID>/.exec(xml)?.[0] ?? '';
    expect(nameId).toContain(`Format="${transient}"`);
    expect(nameId).toContain('NameQualifier="http://localhost/demo-nemlogin"');
    expect(nameId).toContain(`SPNameQualifier="${parties.sp.entityId}"`);
    expect(nameId).toContain('>_t-einer-1<');
    expect(xml).not.toContain('nameid-format:persistent');
  });

  it('a LogoutRequest from NemLog-in (IdP-initiated) ends the citizen session of its NameID, audited', async () => {
    const jar = new CookieJar();
    expect(location(await signInThroughNemLogIn(jar, EINER))).toBe('/borger');
    const row = await database.db.selectFrom('citizen_session').select('idp_session_ref').where('token_hash', '=', hashToken(jar.cookies.get('samkraft_borger')!)).executeTakeFirstOrThrow();
    const toSp = location(await browse(app, new CookieJar(), '/demo-nemlogin/logout', { method: 'POST', form: { session: row.idp_session_ref! } }));
    expect(toSp).toContain('/api/auth/saml/nemlog-in/slo?SAMLRequest=');
    const back = await browse(app, new CookieJar(), toSp);
    expect(location(back)).toContain('/demo-nemlogin/slo?SAMLResponse=');
    expect((await session(jar)).statusCode).toBe(401);
    expect((await auditOf('citizen_auth.single_logout')).at(-1)).toMatchObject({ actor_label: 'citizen', actor_citizen_id: einerId, citizen_id: einerId, outcome: 'allowed', detail: { provider: 'nemlog-in' } });
  });

  it('refuses a logout message not signed by NemLog-in', async () => {
    const res = await browse(app, new CookieJar(), '/api/auth/saml/nemlog-in/slo?SAMLRequest=abc&SigAlg=x&Signature=y');
    expect(location(res)).toBe('/borger/log-ind?fejl=provider');
  });
});
