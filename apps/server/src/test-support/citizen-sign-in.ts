import type { LightMyRequestResponse } from 'fastify';
import type { CitizenSamlConfig, CitizenSignInConfig } from '../platform/config.ts';
import type { App } from '../platform/http/types.ts';
import { demoSubject } from '../features/citizen-auth/demo-test-persons.ts';
import type { Db } from '../platform/database/database.ts';
import { aCitizen, aMunicipality } from './factories.ts';

/** The citizen's door wired to the demo identity provider, as demo mode wires it at http://localhost. */
export function demoCitizenSignIn(o: Partial<Extract<CitizenSignInConfig, { mode: 'broker' | 'demo' }>> = {}): CitizenSignInConfig {
  return {
    mode: 'demo',
    publicUrl: 'http://localhost',
    issuer: 'http://localhost/demo-idp',
    clientId: 'samkraft-demo',
    clientSecret: 'test-client-secret',
    redirectUri: 'http://localhost/borger/auth/callback',
    postLogoutRedirectUri: 'http://localhost/borger/logget-ud',
    scope: 'openid mitid ssn',
    cprClaim: 'dk.cpr',
    loaClaim: 'loa',
    idleMinutes: 15,
    maxMinutes: 60,
    ...o,
  };
}

/** Citizens through the local NemLog-in IdP, as demo mode wires it at http://localhost. */
export function demoCitizenSaml(): CitizenSamlConfig {
  return { mode: 'demo', publicUrl: 'http://localhost', spEntityId: 'http://localhost/api/auth/saml/nemlog-in/metadata', idleMinutes: 15, maxMinutes: 60 };
}

/**
 * Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented:
 * Einer is made a citizen of Gladsaxe by `gladsaxeWithEiner`; Lonni is not a citizen in Samkraft at all.
 */
export const EINER = '0201609995';
export const LONNI = '0201609996';

/** Gladsaxe and its citizen Einer Test Lauridsen (the citizen sign-in tests' known person); his id. */
export async function gladsaxeWithEiner(db: Db): Promise<string> {
  await aMunicipality(db, '0159', 'Gladsaxe');
  return aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
}

/** A browser's cookies: by name and path, sent to the paths under theirs, as a browser does. */
export class CookieJar {
  private readonly jar = new Map<string, { name: string; path: string; value: string }>();
  /** The value of the cookie with this name (of any path). */
  readonly cookies = {
    get: (name: string) => [...this.jar.values()].find((c) => c.name === name)?.value,
    has: (name: string) => [...this.jar.values()].some((c) => c.name === name),
    delete: (name: string) => {
      for (const [k, c] of this.jar) if (c.name === name) this.jar.delete(k);
    },
  };
  take(res: LightMyRequestResponse): void {
    const raw = res.headers['set-cookie'];
    for (const line of [raw ?? []].flat()) {
      const [pair = '', ...attrs] = String(line).split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const path = attrs.map((a) => a.trim()).find((a) => /^path=/i.test(a))?.slice(5) || '/';
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (!value || expired) this.jar.delete(`${name};${path}`);
      else this.jar.set(`${name};${path}`, { name, path, value });
    }
  }
  header(requestPath = '/'): string {
    const under = (p: string) => p === '/' || requestPath === p || requestPath.startsWith(p.endsWith('/') ? p : `${p}/`);
    return [...this.jar.values()]
      .filter((c) => under(c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** One browser request: the path of an absolute or relative URL, with the jar's cookies. */
export async function browse(app: App, jar: CookieJar, url: string, o: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  const u = new URL(url, 'http://localhost');
  const res = await app.inject({
    method: o.method ?? 'GET',
    url: u.pathname + u.search,
    headers: { host: 'localhost', cookie: jar.header(u.pathname), ...(o.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(o.form ? { payload: new URLSearchParams(o.form).toString() } : {}),
  });
  jar.take(res);
  return res;
}

export const location = (res: LightMyRequestResponse): string => {
  const l = res.headers.location;
  if (typeof l !== 'string') throw new Error(`expected a redirect, got ${res.statusCode}: ${res.body.replace(/<head>[\s\S]*<\/head>/, "").slice(0, 400)}`);
  return l;
};

/**
 * The demo provider's half of a sign-in: from Samkraft's redirect to the provider until the
 * provider sends the browser back to the callback, picking the test person with this CPR (an
 * official one). Returns the callback URL.
 */
export async function pickTestPerson(app: App, jar: CookieJar, authorizeUrl: string, cpr: string): Promise<string> {
  const toInteraction = location(await browse(app, jar, authorizeUrl));
  const page = await browse(app, jar, toInteraction);
  if (page.statusCode !== 200) throw new Error(`interaction page: ${page.statusCode} ${page.body.slice(0, 300)}`);
  const sub = demoSubject(cpr);
  if (!page.body.includes(`value="${sub}"`)) throw new Error('the demo provider does not offer this person');
  const resume = location(await browse(app, jar, toInteraction, { method: 'POST', form: { person: sub } }));
  return location(await browse(app, jar, resume));
}

export type SignedInCitizen = { jar: CookieJar; cookie: string; csrf: string; headers: Record<string, string> };

/** Signs in through the whole flow (Samkraft → demo provider → callback) as the test person with this CPR. */
export async function signInAsCitizen(app: App, cpr: string): Promise<SignedInCitizen> {
  const jar = new CookieJar();
  const authorize = location(await browse(app, jar, '/borger/auth/log-ind'));
  const callback = await pickTestPerson(app, jar, authorize, cpr);
  const done = await browse(app, jar, callback);
  if (location(done) !== '/borger') throw new Error(`sign-in ended at ${location(done)}`);
  const cookie = `samkraft_borger=${jar.cookies.get('samkraft_borger') ?? ''}`;
  const session = await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie } });
  const csrf = session.json<{ csrfToken: string }>().csrfToken;
  return { jar, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
