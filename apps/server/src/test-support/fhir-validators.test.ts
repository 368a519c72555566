import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareR4Validators, validateR4, validReport } from './fhir-validators.ts';

/* The validators the FHIR API's tests trust, checked against HL7's own examples and broken copies of them. */

const examplesDir = new URL('../../../../refdata/fhir/hl7-r4-examples/', import.meta.url);
const examples = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
  .map((f) => ({ file: f, resource: JSON.parse(fs.readFileSync(new URL(f, examplesDir), 'utf8')) as Record<string, unknown> }));

const patient = () => structuredClone(examples.find((e) => e.file === 'patient-example.json')!.resource);
const withNarrative = (r: Record<string, unknown>, div: string) => ({ ...r, text: { status: 'generated', div } });

beforeAll(() => prepareR4Validators(), 60_000);

describe('the R4 validators of the tests', () => {
  it('find no error in HL7’s examples of the served types', () => {
    expect(examples.length).toBe(8);
    for (const { file, resource } of examples) expect(validateR4(resource), file).toEqual(validReport);
  });

  it('each catch what they are trusted for', () => {
    // An unknown property: both.
    const unknown = validateR4({ ...patient(), favouriteColour: 'blue' });
    expect(unknown.medplum.length).toBeGreaterThan(0);
    expect(unknown.fhirJs.length).toBeGreaterThan(0);
    // A date that is not one: @medplum/core.
    expect(validateR4({ ...patient(), birthDate: '1974-13-45' }).medplum.length).toBeGreaterThan(0);
    // A code outside a required binding: FHIR.js.
    expect(validateR4({ ...patient(), gender: 'x' }).fhirJs.length).toBeGreaterThan(0);
    // A missing required element: both.
    const task = structuredClone(examples.find((e) => e.file === 'task-example1.json')!.resource);
    delete task.status;
    expect(validateR4(task).medplum.length + validateR4(task).fhirJs.length).toBeGreaterThan(0);
  });

  it('and the JSON pass the rest: ids, empty values, narratives', () => {
    expect(validateR4({ ...patient(), id: 'has space' }).json).toEqual(['Patient.id: not a FHIR id']);
    expect(validateR4({ ...patient(), id: 'x'.repeat(65) }).json).toEqual(['Patient.id: not a FHIR id']);
    expect(validateR4({ ...patient(), birthDate: '' }).json).toContain('Patient.birthDate: empty string');
    expect(validateR4({ ...patient(), address: [] }).json).toContain('Patient.address: empty array');
    expect(validateR4({ ...patient(), managingOrganization: { reference: 'Organization/a b' } }).json).toContain('Patient.managingOrganization.reference: its id is not a FHIR id');
    expect(validateR4(withNarrative(patient(), '<p>no div</p>')).json).toEqual(['Patient.text.div: not an XHTML div']);
    expect(validateR4(withNarrative(patient(), '<div xmlns="http://www.w3.org/1999/xhtml"><p>open</div>')).json).toEqual(['Patient.text.div: not well-formed XHTML']);
    expect(validateR4(withNarrative(patient(), '<div xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></div>')).json).toEqual([
      'Patient.text.div: contains markup FHIR narratives may not have',
    ]);
    expect(validateR4(withNarrative(patient(), '<div xmlns="http://www.w3.org/1999/xhtml"><p>Ærø &amp; Å</p></div>'))).toEqual(validReport);
  });
});
