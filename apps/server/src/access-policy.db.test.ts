import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '@samkraft/contracts/common';
import { buildApp } from './app.ts';
import { localStaffSignIn } from './test-support/staff-sign-in.ts';
import { fhirResourceTypes } from './features/fhir-api/fhir-types.ts';
import { fixedClock } from './platform/clock.ts';
import type { Database } from './platform/database/database.ts';
import type { App } from './platform/http/types.ts';
import { callerName, coverageMessage, expand, outcomeOf, policyCoverage, routesToCover, type Caller, type Expectation, type Outcome } from './test-support/access-policy.ts';
import { accessPolicy } from './test-support/access-policy.table.ts';
import { requestFor, type PolicyRequest } from './test-support/access-requests.ts';
import { A, aClosingDayOf, buildAccessWorld, ELLEN, MESSAGES_TOKEN, type AccessWorld, type Ids } from './test-support/access-world.ts';
import { demoCitizenSignIn } from './test-support/citizen-sign-in.ts';
import { aCitizen, aReferralWithCourse } from './test-support/factories.ts';
import type { Operation } from './test-support/fuzz-requests.ts';
import { createTestDatabase } from './test-support/test-database.ts';

/*
 * Access proven over every route (ARCHITECTURE.md "Access policy over every route"): every route
 * of the OpenAPI document and every other registered route (the FHIR API per resource type) is
 * called by every role of `roles`, without a session and as a signed-in citizen, for A's own
 * citizen, B's citizen referred to A and B's citizen not referred, and each answer's class is
 * compared with the row of test-support/access-policy.table.ts.
 */

type Document = { paths: Record<string, Record<string, Operation & { security?: unknown[] }>> };

let database: Database;
let app: App;
let doc: Document;
let world: AccessWorld;
/** Whether the latest answer was the route's schema refusing the request (not the service deciding). */
let schemaRefused = false;
/** The error behind the latest 5xx, for the failure message. */
let lastError = '';
const started = Date.now();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    database,
    clock: fixedClock('2026-11-22T10:00:00Z'),
    config: { sessionIdleMinutes: 30, sessionMaxHours: 12, cookieSecure: true, demo: true, webDistDir: '/nonexistent-web-dist', logLevel: 'silent', signInLimitPerMinute: 100_000, citizenSignIn: demoCitizenSignIn() },
    logger: false,
    staffSignIn: localStaffSignIn(),
    messaging: { token: MESSAGES_TOKEN, limitPerMinute: 100_000, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-policy-')) },
  });
  app.addHook('onError', async (_request, _reply, err) => {
    if (hasZodFastifySchemaValidationErrors(err)) schemaRefused = true;
    lastError = err.message.slice(0, 300);
  });
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  world = await buildAccessWorld(app, database.db);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const fhirTypes: readonly string[] = fhirResourceTypes;
const covered = () => routesToCover(doc, app.registeredRoutes, { type: fhirTypes });

describe('the access policy table', () => {
  it('has a row for every route of the OpenAPI document and every registered route, and none for a route that does not exist', () => {
    const coverage = policyCoverage(covered(), accessPolicy);
    expect(coverage, coverageMessage(coverage)).toEqual({ missing: [], unknown: [] });
  });

  it('fails on a planted route without a row, naming it', () => {
    const planted: Document = { paths: { ...doc.paths, '/api/planted/{plantedId}': { get: {} } } };
    const coverage = policyCoverage(routesToCover(planted, app.registeredRoutes, { type: fhirTypes }), accessPolicy);
    expect(coverage.missing).toEqual(['GET /api/planted/{plantedId}']);
    expect(coverageMessage(coverage)).toContain("'GET /api/planted/{plantedId}'");
  });
});

/** Path and body ids for FHIR routes: a search names the citizen; a read the first resource an allowed caller finds. */
const fhirIds = new Map<string, string>();
async function fhirRequest(route: string, relation: string, ids: Ids): Promise<PolicyRequest & { missing: string[] }> {
  const [, url] = route.split(' ');
  const type = url!.split('/')[2]!;
  if (type === 'metadata') return { method: 'GET', url: '/fhir/metadata', missing: [] };
  const search =
    type === 'Patient'
      ? `/fhir/Patient?identifier=${encodeURIComponent(`urn:oid:1.2.208.176.1.2|${ids.cpr ?? ELLEN}`)}`
      : type === 'Organization'
        ? '/fhir/Organization'
        : `/fhir/${type}?patient=Patient/${ids.citizenId}`;
  if (!url!.endsWith('{id}')) return { method: 'GET', url: search, missing: [] };
  const key = `${type} ${relation}`;
  if (!fhirIds.has(key)) {
    // Found by a caller the citizen access rule lets see the citizen (home staff, or the provider's therapist).
    // An id the caller the table allows would get (A's lead), else one the record's own staff get (the builders).
    for (const who of [world.callers.get('municipal_lead'), ...Object.values(world.builders)].filter((x) => x !== undefined)) {
      const res = await app.inject({ method: 'GET', url: search, headers: who.headers });
      const id = res.statusCode === 200 ? (res.json<{ entry?: { resource: { id: string } }[] }>().entry?.[0]?.resource.id ?? '') : '';
      if (id) {
        fhirIds.set(key, id);
        break;
      }
    }
  }
  const id = fhirIds.get(key);
  return { method: 'GET', url: `/fhir/${type}/${id ?? 'missing'}`, missing: id ? [] : [`a ${type} of the ${relation} citizen (no search found one)`] };
}

/** New records for a route that uses its record up (`fresh` in the table), for each allowed call. */
let freshCount = 0;
async function freshIds(row: Expectation): Promise<Ids> {
  freshCount++;
  switch (row.route) {
    case 'DELETE /api/closing-days/{id}':
      return { closingDayId: await aClosingDayOf(app, database.db, world.builders[A]!, `2026-12-${String(freshCount % 28 + 1).padStart(2, '0')}`) };
    case 'POST /api/citizens/{citizenId}/deceased': {
      const citizenId = await aCitizen(database.db, { homeMunicipalityCode: A });
      await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: A });
      return { citizenId };
    }
    default:
      throw new Error(`${row.route} is marked fresh in the table, but the test makes no fresh record for it: add it to freshIds`);
  }
}

function headersOf(caller: Caller, request: PolicyRequest): Record<string, string> {
  const session = caller.kind === 'staff' ? world.callers.get(caller.role)!.headers : caller.kind === 'citizen' ? world.citizen.headers : {};
  return { ...session, ...(request.payload === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers };
}

async function call(row: Expectation): Promise<{ outcome: Outcome | 'inconclusive'; detail: string } | { missing: string }> {
  const policy = accessPolicy[row.route]!;
  const example = 'example' in policy && policy.example ? policy.example : {};
  const ids = { ...world.ids[row.relation], ...(policy.kind !== 'skipped' && policy.fresh && row.expected === 'allowed' ? await freshIds(row) : {}) };
  const given = typeof example === 'function' ? example(ids) : example;
  const [method, pathPart] = row.route.split(' ') as [string, string];
  const request = pathPart.startsWith('/fhir/') ? await fhirRequest(row.route, row.relation, ids) : requestFor(method, pathPart, doc.paths[pathPart]?.[method.toLowerCase()], ids, given);
  if (given.headers) request.headers = { ...given.headers };
  if (request.missing.length > 0) return { missing: `${request.missing.join(', ')} for the ${row.relation} relation` };
  schemaRefused = false;
  lastError = '';
  const res = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: headersOf(row.caller, request),
    ...(request.payload === undefined ? {} : { payload: typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload) }),
  });
  let outcome = outcomeOf(res.statusCode, { schemaRefused });
  if (outcome === 'allowed' && policy.kind !== 'skipped' && policy.leftOut?.(res.body ? JSON.parse(res.body) : null)) outcome = 'denied';
  // A FHIR search that finds nothing the caller may see reveals nothing: denied by leaving out.
  if (outcome === 'allowed' && request.url.startsWith('/fhir/') && request.url.includes('?') && !/\/fhir\/Organization/.test(request.url)) {
    const total = res.json<{ total?: number; entry?: unknown[] }>().entry?.length ?? 0;
    if (total === 0) outcome = 'denied';
  }
  return { outcome, detail: `${request.method} ${request.url} → ${res.statusCode} ${res.body.slice(0, 240)}${res.statusCode >= 500 ? ` (${lastError})` : ''}` };
}

/** Reads first (they change nothing), then writes; within a route, the denied calls before the allowed ones. */
function plannedRows(): Expectation[] {
  const routes = Object.keys(accessPolicy).sort((a, b) => Number(!a.startsWith('GET ')) - Number(!b.startsWith('GET ')) || a.localeCompare(b));
  return routes.flatMap((route) => {
    const rows = expand(route, accessPolicy[route]!, roles);
    return [...rows.filter((r) => r.expected !== 'allowed'), ...rows.filter((r) => r.expected === 'allowed')];
  });
}

describe('every route × caller × relation', () => {
  it('answers as the table says', { timeout: 600_000 }, async () => {
    const differences: string[] = [];
    const inconclusive: string[] = [];
    const rows = plannedRows();
    for (const row of rows) {
      const got = await call(row);
      const who = `${row.route} as ${callerName(row.caller)} for the ${row.relation} citizen`;
      if ('missing' in got) inconclusive.push(`${row.route}: no ${got.missing} — give the route an example in the table, or the fixture the record`);
      else if (got.outcome === 'inconclusive') inconclusive.push(`${who}: inconclusive, ${got.detail} — the route needs an example in the table`);
      else if (got.outcome !== row.expected) differences.push(`${who}: expected ${row.expected}, got ${got.outcome}: ${got.detail}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(`access policy: ${rows.length} calls over ${Object.keys(accessPolicy).length} rows in ${seconds} s`);
    // One line per route and relation a request could not be made for (not one per caller).
    const failures = [...new Set(inconclusive), ...differences, ...world.problems.map((p) => `fixture: ${p}`)];
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

