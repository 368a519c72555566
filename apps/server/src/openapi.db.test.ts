import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorCodes } from '@samkraft/contracts/common';
import type { Database } from './platform/database/database.ts';
import type { App } from './platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from './test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aStaffUser } from './test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from './test-support/test-app.ts';
import { createTestDatabase } from './test-support/test-database.ts';

type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; requestBody?: unknown; security?: Record<string, unknown>[] };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let database: Database;
let app: App;
let client: SignedInClient;
/** A citizen route's input is read only in a citizen session (the session guard answers 401 first). */
let citizen: SignedInCitizen;
let doc: Document;
const knownCodes: readonly string[] = fieldErrorCodes;

beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  const user = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator'] });
  // An official MedCom test person (refdata/cpr), never invented.
  await aCitizen(database.db, { homeMunicipalityCode: '0159', cpr: '1310169995', givenName: 'Dreng Test', familyName: 'Levendefødt', sex: 'M', birthDate: '2016-10-13' });
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  client = await signIn(app, user);
  citizen = await signInAsCitizen(app, '1310169995');
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 and lists every API route the server registered', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const apiRoutes = app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(5);
    for (const r of apiRoutes) {
      expect(doc.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()], `${r.method} ${r.url} is missing from /api/openapi.json`).toBeDefined();
    }
  });

  it('answers bad input on every documented route with 400 naming the field', async () => {
    let walked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');
        const cases: { url: string; payload?: unknown; expectField: (f: string) => boolean; what: string }[] = [];
        const goodPath = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        for (const p of pathParams) {
          cases.push({ url: path.replace(`{${p.name}}`, 'not%20valid').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'), expectField: (f) => f === `params.${p.name}`, what: `path ${p.name}` });
        }
        if (queryParams.length > 0) {
          cases.push({ url: `${goodPath}?unknownField=1`, expectField: (f) => f.includes('unknownField'), what: 'unknown query field' });
        }
        if (op.requestBody) {
          cases.push({ url: goodPath, payload: { unknownField: 1 }, expectField: (f) => f.length > 0, what: 'bad body' });
        }
        for (const c of cases) {
          const headers = op.security?.some((s) => 'citizenSession' in s) ? citizen.headers : client.headers;
          const res = await app.inject({ method: method.toUpperCase() as 'GET', url: c.url, headers, ...(c.payload ? { payload: c.payload } : {}) });
          expect(res.statusCode, `${method.toUpperCase()} ${c.url} (${c.what}) → ${res.body}`).toBe(400);
          const fields = res.json<{ error: { fields: { field: string; code: string; message: string }[] } }>().error.fields;
          expect(fields.length, `${method.toUpperCase()} ${c.url} names no field`).toBeGreaterThan(0);
          // Every field issue carries a code the web has a text for, and a schema error a specific one.
          for (const f of fields) {
            expect(knownCodes, `${method.toUpperCase()} ${c.url}: code of ${JSON.stringify(f)}`).toContain(f.code);
            expect(f.code, `${method.toUpperCase()} ${c.url}: ${JSON.stringify(f)}`).not.toBe('invalid');
          }
          expect(fields.some((f) => c.expectField(f.field)), `${method.toUpperCase()} ${c.url}: fields ${JSON.stringify(fields)}`).toBe(true);
          walked++;
        }
      }
    }
    expect(walked).toBeGreaterThanOrEqual(5);
  });
});
