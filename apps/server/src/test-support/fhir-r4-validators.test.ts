import { describe, expect, it } from 'vitest';
import { fhirJsIssues, medplumIssues } from './fhir-r4-validators.ts';

/* Negative controls: each validator finds what it is used for, so an empty list means something. */
describe('the two base-R4 validators', () => {
  const patient = { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '1502779995' }] };

  it('pass a valid resource', () => {
    expect(medplumIssues(patient)).toEqual([]);
    expect(fhirJsIssues(patient)).toEqual([]);
  }, 60_000);

  it('medplum: an unknown element, a bad date, a missing required element', () => {
    expect(medplumIssues({ ...patient, nickname: 'x' })).not.toEqual([]);
    expect(medplumIssues({ ...patient, birthDate: '2022-13-01' })).not.toEqual([]);
    expect(medplumIssues({ resourceType: 'Encounter', id: 'e1', class: { code: 'AMB' } })).not.toEqual([]);
  });

  it('FHIR.js: a code outside a required binding, an unknown element', () => {
    expect(fhirJsIssues({ ...patient, gender: 'x' })).not.toEqual([]);
    expect(fhirJsIssues({ ...patient, nickname: 'x' })).not.toEqual([]);
  });
});
