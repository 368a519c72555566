import { describe, expect, it } from 'vitest';
import type { Role } from '@samkraft/contracts/common';
import { coverageMessage, expand, general, outcomeOf, person, policyCoverage, routesToCover, skipped } from './access-policy.ts';

const doc = {
  paths: {
    '/api/courses/{courseId}': { get: {} },
    '/api/planted/{id}': { post: {} },
  },
};

describe('the access policy coverage check', () => {
  const table = { 'GET /api/courses/{courseId}': person({ own: ['contact_person'] }), 'GET /api/gone': general(['administrator']) };

  it('fails on a planted route without a row, naming it, and on a row without a route', () => {
    const c = policyCoverage(routesToCover(doc, []), table);
    expect(c).toEqual({ missing: ['POST /api/planted/{id}'], unknown: ['GET /api/gone'] });
    expect(coverageMessage(c)).toContain("'POST /api/planted/{id}': person(");
    expect(coverageMessage(c)).toContain("'GET /api/gone'");
  });

  it('covers the registered routes outside the document, once per value of a type parameter', () => {
    const routes = routesToCover({ paths: {} }, [
      { method: 'GET', url: '/fhir/:type/:id' },
      { method: 'HEAD', url: '/fhir/:type/:id' },
      { method: 'GET', url: '/tilbud' },
    ], { type: ['Patient', 'Goal'] });
    expect(routes).toEqual(['GET /fhir/Goal/{id}', 'GET /fhir/Patient/{id}', 'GET /tilbud']);
  });

  it('passes when every route has a row and every row a route', () => {
    const c = policyCoverage(['GET /api/courses/{courseId}'], { 'GET /api/courses/{courseId}': skipped('why') });
    expect(c).toEqual({ missing: [], unknown: [] });
  });
});

describe('the expanded table', () => {
  it('denies a role the row does not name, for every relation, and a relation it does not name to everyone', () => {
    const roles = ['contact_person', 'auditor'] as unknown as Role[];
    const rows = expand('GET /api/x/{courseId}', person({ own: ['contact_person'] }), roles);
    const of = (caller: string, relation: string) => rows.find((r) => (r.caller.kind === 'staff' ? r.caller.role : r.caller.kind) === caller && r.relation === relation)?.expected;
    expect(of('contact_person', 'own')).toBe('allowed');
    expect(of('contact_person', 'referred')).toBe('denied');
    expect(of('auditor', 'own')).toBe('denied');
    expect(of('anonymous', 'other')).toBe('unauthenticated');
    expect(of('citizen', 'own')).toBe('unauthenticated');
    expect(rows).toHaveLength(3 * (roles.length + 2));
  });

  it('classes an answer: a schema 400 is inconclusive, a rule 400 after access allowed', () => {
    expect(outcomeOf(400, { schemaRefused: true })).toBe('inconclusive');
    expect(outcomeOf(400, { schemaRefused: false })).toBe('allowed');
    expect(outcomeOf(409, { schemaRefused: false })).toBe('allowed');
    expect(outcomeOf(404, { schemaRefused: false })).toBe('denied');
    expect(outcomeOf(401, { schemaRefused: false })).toBe('unauthenticated');
    expect(outcomeOf(500, { schemaRefused: false })).toBe('inconclusive');
  });
});
