import { describe, expect, it } from 'vitest';
import { openBelowPersonDataLevel } from './person-data-gate.ts';

describe('the person-data gate for a session below the NSIS level', () => {
  it('opens one’s own account, reference data, the catalogue and the aggregates', () => {
    for (const url of ['/api/auth/session', '/api/auth/sign-out', '/api/me/sessions', '/api/catalogue/interventions/:code', '/api/municipalities', '/api/diagnoses', '/api/organisations/:organisationId', '/api/reports', '/api/dashboard/balance', '/api/settlement/statement', '/api/planning/solve', '/api/admin/staff-users']) {
      expect(openBelowPersonDataLevel(url, url), url).toBe(true);
    }
  });

  it('closes every route with a citizen’s data, and any route it does not name', () => {
    for (const url of ['/api/start', '/api/worklist', '/api/courses/:id', '/api/citizens/search', '/api/provider-inbox', '/api/teams/:id/sessions/:sessionId/attendance', '/api/extracts/export', '/api/kl-gateway/exports', '/api/audit-review/events', '/api/reportsx', '/api/municipalities-and-citizens', '/api/a-new-route']) {
      expect(openBelowPersonDataLevel(url, url), url).toBe(false);
    }
  });

  it('opens the FHIR API’s capability statement and organisations, not its people', () => {
    expect(openBelowPersonDataLevel('/fhir/metadata', '/fhir/metadata')).toBe(true);
    expect(openBelowPersonDataLevel('/fhir/:type', '/fhir/Organization?identifier=x')).toBe(true);
    expect(openBelowPersonDataLevel('/fhir/:type/:id', '/fhir/Organization/abc')).toBe(true);
    for (const path of ['/fhir/Patient', '/fhir/Patient/course-1', '/fhir/EpisodeOfCare?patient=x', '/fhir/OrganizationX', '/fhir/Organization/abc/_history']) {
      expect(openBelowPersonDataLevel('/fhir/:type', path), path).toBe(false);
    }
  });
});
