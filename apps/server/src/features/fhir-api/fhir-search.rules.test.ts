import { describe, expect, it } from 'vitest';
import { identifierSystem } from '@samkraft/contracts/identifiers';
import { AppError } from '../../platform/errors.ts';
import { fhirId, fitsType, parseRecordId } from './fhir-ids.rules.ts';
import { checkReadParams, parseSearch } from './fhir-search.rules.ts';
import { fhirResourceTypes } from './fhir-types.ts';

const CITIZEN = '3f0b2c1e-0000-4000-8000-000000000001';

function refusal(fn: () => unknown): { field: string; code: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.fields;
    throw err;
  }
  throw new Error('not refused');
}

describe('parseSearch', () => {
  it('reads a citizen by reference, bare id, absolute URL or identifier', () => {
    for (const patient of [`Patient/${CITIZEN}`, CITIZEN, `https://samkraft.example/fhir/Patient/${CITIZEN}`]) {
      expect(parseSearch('CarePlan', { patient })).toEqual({ type: 'CarePlan', patient: { by: 'reference', citizenId: CITIZEN }, page: { count: 100, offset: 0 } });
    }
    expect(parseSearch('Task', { 'patient.identifier': `${identifierSystem.cpr}|250947-9989` })).toMatchObject({ patient: { by: 'identifier', identifier: { system: identifierSystem.cpr, value: '2509479989' } } });
    expect(parseSearch('Patient', { identifier: '0703921vj4' })).toEqual({ type: 'Patient', identifier: { system: null, value: '0703921VJ4' } });
    expect(parseSearch('Patient', { identifier: `${identifierSystem.xEcpr}|0703921VJ4`, _format: 'json' })).toMatchObject({ identifier: { system: identifierSystem.xEcpr } });
  });

  it('refuses unknown, repeated, empty and missing parameters, naming each', () => {
    expect(refusal(() => parseSearch('Goal', { patient: CITIZEN, status: 'active', _sort: 'x' })).map((f) => [f.field, f.code])).toEqual([
      ['status', 'unknown_field'],
      ['_sort', 'unknown_field'],
    ]);
    expect(refusal(() => parseSearch('Goal', { patient: [CITIZEN, CITIZEN] })).map((f) => f.field)).toEqual(['patient']);
    expect(refusal(() => parseSearch('Goal', { patient: ' ' })).map((f) => [f.field, f.code])).toEqual([['patient', 'required']]);
    expect(refusal(() => parseSearch('Goal', {})).map((f) => [f.field, f.code])).toEqual([['patient', 'required']]);
    expect(refusal(() => parseSearch('Goal', { patient: CITIZEN, 'patient.identifier': '2509479989' })).map((f) => f.field)).toEqual(['patient']);
    expect(refusal(() => parseSearch('Patient', {})).map((f) => f.field)).toEqual(['identifier']);
    // _count and _offset are the access log's only.
    expect(refusal(() => parseSearch('Task', { patient: CITIZEN, _count: '5' })).map((f) => f.field)).toEqual(['_count']);
    expect(parseSearch('AuditEvent', { patient: CITIZEN, _count: '5', _offset: '10' })).toMatchObject({ page: { count: 5, offset: 10 } });
    expect(refusal(() => parseSearch('AuditEvent', { patient: CITIZEN, _count: '501' })).map((f) => f.field)).toEqual(['_count']);
    expect(refusal(() => parseSearch('Patient', { identifier: '2509479989', _format: 'xml' })).map((f) => f.field)).toEqual(['_format']);
  });

  it('refuses a wrong system or a value that is no CPR, without repeating the value', () => {
    const wrongSystem = refusal(() => parseSearch('Patient', { identifier: 'http://example.org/mrn|2509479989' }));
    expect(wrongSystem.map((f) => [f.field, f.code])).toEqual([['identifier', 'invalid_value']]);
    const notCpr = refusal(() => parseSearch('CarePlan', { 'patient.identifier': '3213459999' }));
    expect(notCpr.map((f) => f.field)).toEqual(['patient.identifier']);
    expect(JSON.stringify([wrongSystem, notCpr])).not.toMatch(/2509479989|3213459999/);
    expect(refusal(() => parseSearch('Task', { patient: 'Practitioner/1' })).map((f) => [f.field, f.code])).toEqual([['patient', 'invalid_format']]);
  });

  it('reads an organisation identifier under any GLN spelling as DK-core 3.5 writes it, or none for all', () => {
    expect(parseSearch('Organization', {})).toEqual({ type: 'Organization', identifier: null });
    expect(parseSearch('Organization', { identifier: `${identifierSystem.glnBefore350}|5790000000005` })).toEqual({ type: 'Organization', identifier: { system: identifierSystem.gln, value: '5790000000005' } });
    expect(refusal(() => parseSearch('Organization', { identifier: 'urn:oid:1.2.208.176.1.2|2509479989' })).map((f) => f.field)).toEqual(['identifier']);
  });

  it('lets a read take only _format', () => {
    expect(() => checkReadParams({ _format: 'application/fhir+json' })).not.toThrow();
    expect(refusal(() => checkReadParams({ _elements: 'id' })).map((f) => f.field)).toEqual(['_elements']);
  });
});

describe('the ids', () => {
  const U = '3f0b2c1e-0000-4000-8000-00000000000a';
  it('fit FHIR’s id syntax, and each names its type’s part of its record', () => {
    const ids = [
      fhirId.courseReferral(U),
      fhirId.courseGoal(U, 30),
      fhirId.needsAssessment(U, 12),
      fhirId.closingQuestionnaire(U),
      fhirId.closingNote(U),
      fhirId.sharedGoal(U, 2),
      fhirId.providerGoal(U, 3),
      fhirId.sharedAssessment(U),
      fhirId.statusNote(U, 4),
      fhirId.teamSession(U, 1, new Date('2026-03-18T09:30:00Z')),
      fhirId.municipality('0159'),
    ];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(fhirId.teamSession(U, 1, new Date('2026-03-18T09:30:00Z'))).toBe(`cross-${U}-e1s202603180930`);
    const fits = (id: string) => fhirResourceTypes.filter((t) => {
      const r = parseRecordId(id);
      return r !== null && fitsType(t, r);
    });
    expect(fits(fhirId.courseReferral(U))).toEqual(['ServiceRequest', 'CarePlan']);
    expect(fits(fhirId.crossReferral(U))).toEqual(['ServiceRequest', 'Task', 'CarePlan']);
    expect(fits(fhirId.courseGoal(U, 2))).toEqual(['Goal']);
    expect(fits(fhirId.providerGoal(U, 2))).toEqual(['Goal']);
    expect(fits(fhirId.closingNote(U))).toEqual(['Communication']);
    expect(fits(fhirId.teamSession(U, 1, new Date()))).toEqual(['Appointment', 'Encounter']);
    expect(fits(`course-${U}-g0`)).toEqual([]);
    expect(parseRecordId('course-not-a-uuid')).toBeNull();
  });
});
