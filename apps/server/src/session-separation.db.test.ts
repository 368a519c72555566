import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './platform/database/database.ts';
import { sessionNeeded } from './platform/http/session-guard.ts';
import type { App } from './platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from './test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aStaffUser } from './test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from './test-support/test-app.ts';
import { createTestDatabase } from './test-support/test-database.ts';

type Operation = { security?: Record<string, unknown>[]; requestBody?: unknown };
type Document = { security: Record<string, unknown>[]; paths: Record<string, Record<string, Operation>> };

// Ellen Louise Test Lauridsen, an official MedCom test person (refdata/cpr/dkcore_medcom_test_patients.json).
const ELLEN = '0201919996';

let database: Database;
let app: App;
let staff: SignedInClient;
let citizen: SignedInCitizen;
let doc: Document;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  const user = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator'] });
  await aCitizen(database.db, { homeMunicipalityCode: '0159', cpr: ELLEN, givenName: 'Ellen Louise Test', familyName: 'Lauridsen', birthDate: '1991-01-02' });
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  staff = await signIn(app, user);
  citizen = await signInAsCitizen(app, ELLEN);
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Every operation of the OpenAPI document, with a concrete URL and the session it needs. */
function operations(): { method: string; url: string; needs: ReturnType<typeof sessionNeeded>; body: boolean }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      needs: sessionNeeded(op.security ?? doc.security),
      body: op.requestBody !== undefined,
    })),
  );
}

const call = (o: { method: string; url: string; body: boolean }, headers: Record<string, string>) =>
  app.inject({ method: o.method as 'GET', url: o.url, headers, ...(o.body ? { payload: {} } : {}) });

describe('staff and citizen sessions are apart (over the OpenAPI document)', () => {
  it('a citizen session reaches no staff route', async () => {
    const staffRoutes = operations().filter((o) => o.needs === 'staff');
    expect(staffRoutes.length).toBeGreaterThan(50);
    for (const o of staffRoutes) {
      const res = await call(o, citizen.headers);
      expect([401, 403], `${o.method} ${o.url} with a citizen session → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    }
  });

  it('a staff session reaches no citizen route, and no session none either', async () => {
    const citizenRoutes = operations().filter((o) => o.needs === 'citizen');
    expect(citizenRoutes.map((o) => `${o.method} ${o.url}`)).toEqual(expect.arrayContaining(['GET /api/borger/session', 'GET /api/borger/my-course', 'POST /api/borger/auth/sign-out']));
    for (const o of citizenRoutes) {
      expect(o.url, 'a citizen route lives under /api/borger/').toMatch(/^\/api\/borger\//);
      const asStaff = await call(o, staff.headers);
      expect([401, 403], `${o.method} ${o.url} with a staff session → ${asStaff.statusCode}`).toContain(asStaff.statusCode);
      const anonymous = await call(o, {});
      expect(anonymous.statusCode, `${o.method} ${o.url} without a session`).toBe(401);
    }
    // And every route under /api/borger/ is a citizen route.
    expect(operations().filter((o) => o.url.startsWith('/api/borger/') && o.needs !== 'citizen')).toEqual([]);
  });

  it('only the known public routes need no session', () => {
    const open = operations().filter((o) => o.needs === 'none').map((o) => `${o.method} ${o.url}`);
    expect(open.sort()).toEqual(['GET /api/auth/demo-users', 'GET /api/calendar-feed/00000000-0000-4000-8000-000000000000/samkraft.ics', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/ready', 'POST /api/auth/demo-login', 'POST /api/auth/login', 'POST /api/messages',
      // Staff sign-in through identity providers (features/auth): the browser's navigations and the providers' own posts, each with its own proof.
      'GET /api/auth/sign-in-methods', 'GET /api/auth/citizen-sign-in-methods', 'GET /api/auth/saml/00000000-0000-4000-8000-000000000000/login', 'POST /api/auth/saml/00000000-0000-4000-8000-000000000000/acs',
      'GET /api/auth/saml/00000000-0000-4000-8000-000000000000/metadata', 'GET /api/auth/saml/00000000-0000-4000-8000-000000000000/slo', 'POST /api/auth/saml/00000000-0000-4000-8000-000000000000/slo',
      'GET /api/auth/oidc/00000000-0000-4000-8000-000000000000/login', 'GET /api/auth/oidc/00000000-0000-4000-8000-000000000000/callback',
      'POST /api/auth/oidc/00000000-0000-4000-8000-000000000000/backchannel-logout'].sort());
  });

  it('the public catalogue (/tilbud, HTML outside /api and the document) answers with no session', async () => {
    const res = await app.inject({ method: 'GET', url: '/tilbud' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('the citizen session still works after all that', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/borger/session', headers: { cookie: citizen.cookie } })).statusCode).toBe(200);
  });
});
