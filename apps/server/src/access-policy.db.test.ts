import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirResourceTypes } from './features/fhir-api/fhir-types.ts';
import type { Database } from './platform/database/database.ts';
import type { App } from './platform/http/types.ts';
import { coverageMessage, policyCoverage, routesToCover } from './test-support/access-policy.ts';
import { accessPolicy } from './test-support/access-policy.table.ts';
import { demoCitizenSignIn } from './test-support/citizen-sign-in.ts';
import { createTestApp } from './test-support/test-app.ts';
import { createTestDatabase } from './test-support/test-database.ts';

type Document = { paths: Record<string, Record<string, unknown>> };

let database: Database;
let app: App;
let doc: Document;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const fhirTypes: readonly string[] = fhirResourceTypes;

describe('the access policy table', () => {
  it('has a row for every route of the OpenAPI document and every registered route, and none for a route that does not exist', () => {
    const coverage = policyCoverage(routesToCover(doc, app.registeredRoutes, { type: fhirTypes }), accessPolicy);
    expect(coverage, coverageMessage(coverage)).toEqual({ missing: [], unknown: [] });
  });

  it('fails on a planted route without a row, naming it', () => {
    const planted: Document = { paths: { ...doc.paths, '/api/planted/{plantedId}': { get: {} } } };
    const coverage = policyCoverage(routesToCover(planted, app.registeredRoutes, { type: fhirTypes }), accessPolicy);
    expect(coverage.missing).toEqual(['GET /api/planted/{plantedId}']);
    expect(coverageMessage(coverage)).toContain("'GET /api/planted/{plantedId}'");
  });
});
