import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPrimitives, xhtmlProblem } from './primitives.ts';
import { loadR4Validators, validateBaseR4 } from './r4-validation.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const read = (relative: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8'));
const S_C_NEW = 'refdata/fhir/medcom/carecommunication/Bundle-S-C-new-aca3d03a-febd-4b88-ad53-ac1bc36da615.json';
const DIV = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Patient</p></div>';

// The definitions load once for this file (both validators, ~3 s).
beforeAll(async () => {
  await loadR4Validators();
}, 60_000);

describe('validateBaseR4', () => {
  it('finds nothing wrong in a valid MedCom message', async () => {
    expect(await validateBaseR4(read(S_C_NEW))).toEqual([]);
  });

  it("finds nothing wrong in HL7's own examples of the types the FHIR API serves", async () => {
    const dir = path.join(repoRoot, 'refdata/fhir/hl7-r4-examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
    expect(files.length).toBe(8);
    for (const file of files) expect(await validateBaseR4(read(`refdata/fhir/hl7-r4-examples/${file}`)), file).toEqual([]);
  });

  it('catches in HL7 examples what each validator is trusted for: unknown elements, bad dates, required bindings, missing elements', async () => {
    const patient = () => structuredClone(read('refdata/fhir/hl7-r4-examples/patient-example.json')) as Record<string, unknown>;
    const sources = async (r: unknown) => [...new Set((await validateBaseR4(r)).map((i) => i.source))].sort();
    expect(await sources({ ...patient(), favouriteColour: 'blue' })).toEqual(['fhirjs', 'medplum']);
    expect(await sources({ ...patient(), birthDate: '1974-13-45' })).toContain('medplum');
    expect(await sources({ ...patient(), gender: 'x' })).toContain('fhirjs');
    const task = structuredClone(read('refdata/fhir/hl7-r4-examples/task-example1.json')) as Record<string, unknown>;
    delete task.status;
    expect((await validateBaseR4(task)).length).toBeGreaterThan(0);
  });

  it('reports what each validator finds, each issue naming its source and element', async () => {
    const patient = {
      resourceType: 'Patient',
      id: 'not_an_id',
      text: { status: 'generated', div: DIV },
      gender: 'x',
      birthDate: '2020-13-01',
      name: [{ family: '' }],
      unknownElement: 1,
    };
    const issues = await validateBaseR4(patient);
    const by = (source: string) => issues.filter((i) => i.source === source).map((i) => i.expression);
    expect(by('medplum')).toEqual(expect.arrayContaining(['Patient.birthDate', 'Patient.unknownElement']));
    expect(by('fhirjs')).toEqual(expect.arrayContaining(['Patient.gender', 'Patient.unknownElement']));
    expect(by('primitives')).toEqual(expect.arrayContaining(['Patient.id', 'Patient.name[0].family']));
    expect(issues.every((i) => i.severity === 'error' && i.message !== '')).toBe(true);
  });

  it('catches the base invariants medplum checks: a message Bundle starts with its MessageHeader', async () => {
    const bundle = read(S_C_NEW) as { entry: unknown[] };
    bundle.entry.reverse();
    const issues = await validateBaseR4(bundle);
    expect(issues.some((i) => i.source === 'medplum' && /bdl-12|MessageHeader/.test(i.message))).toBe(true);
  });

  it('returns warnings only when asked', async () => {
    const bundle = read(S_C_NEW);
    expect(await validateBaseR4(bundle)).toEqual([]);
    const withWarnings = await validateBaseR4(bundle, { warnings: true });
    expect(withWarnings.length).toBeGreaterThan(0);
    expect(withWarnings.every((i) => i.severity === 'warning')).toBe(true);
  });
});

describe('checkPrimitives', () => {
  it('checks dateTime and instant by element type, wherever they sit (choice types, extensions, nested resources)', () => {
    const bundle = {
      resourceType: 'Bundle',
      id: 'b1',
      type: 'collection',
      timestamp: '2024-05-01T10:00:00',
      entry: [
        {
          resource: {
            resourceType: 'Provenance',
            id: 'p1',
            occurredDateTime: '2024-05-01T10:00',
            recorded: '2024-05-01T10:00:00+02:00',
            target: [{ reference: 'Patient/1' }],
            agent: [{ who: { reference: 'Organization/1' } }],
            extension: [{ url: 'http://example.org/x', valueDateTime: '2024-05-01T10:00:00' }],
          },
        },
      ],
    };
    expect(checkPrimitives(bundle).map((i) => i.expression)).toEqual([
      'Bundle.timestamp',
      'Bundle.entry[0].resource.occurredDateTime',
      'Bundle.entry[0].resource.extension[0].valueDateTime',
    ]);
    // A date alone, or a dateTime with its timezone, is fine; free text that looks like a time is not checked.
    const fine = { resourceType: 'Patient', id: 'a.b-C', birthDate: '1947-09-25', name: [{ text: '2024-05-01T10:00' }], deceasedDateTime: '2024-05-01T10:00:00Z' };
    expect(checkPrimitives(fine)).toEqual([]);
  });

  it('checks ids of resources and id-typed elements, and refuses empty strings, arrays and objects', () => {
    const header = { resourceType: 'MessageHeader', id: 'x'.repeat(65), response: { identifier: 'has space', code: 'ok' }, focus: [], source: {} };
    expect(checkPrimitives(header).map((i) => i.expression)).toEqual(['MessageHeader.id', 'MessageHeader.response.identifier', 'MessageHeader.focus', 'MessageHeader.source']);
  });

  it('refuses a null outside an array, and accepts one paired with `_element` extensions', () => {
    expect(checkPrimitives({ resourceType: 'Patient', id: 'p', birthDate: null }).map((i) => i.expression)).toEqual(['Patient.birthDate']);
    const paired = { resourceType: 'Patient', id: 'p', name: [{ given: ['Bruno', null], _given: [null, { extension: [{ url: 'http://example.org/x', valueString: 'y' }] }] }] };
    expect(checkPrimitives(paired)).toEqual([]);
  });

  it('requires a literal reference FHIR knows: Type/id (relative, absolute, versioned), #contained or a URN', () => {
    const task = (reference: string) => ({ resourceType: 'Task', id: 't', status: 'requested', intent: 'order', for: { reference } });
    for (const fine of ['Patient/1', 'https://samkraft.example/fhir/Patient/a-1', 'Patient/1/_history/2', '#p1', 'urn:uuid:3f0b2c1e-0000-4000-8000-000000000001', 'urn:oid:1.2.208.176.1.2']) {
      expect(checkPrimitives(task(fine)), fine).toEqual([]);
    }
    for (const bad of ['Organization/a b', 'patient/1', 'Patient', `Patient/${'x'.repeat(65)}`, 'urn:uuid:not-one']) {
      expect(checkPrimitives(task(bad)).map((i) => i.expression), bad).toEqual(['Task.for.reference']);
    }
  });

  it('requires the narrative to be well-formed XHTML with basic HTML only', () => {
    expect(xhtmlProblem(DIV)).toBeUndefined();
    expect(xhtmlProblem("<div xmlns='http://www.w3.org/1999/xhtml'><p>single quotes</p></div>")).toBeUndefined();
    expect(xhtmlProblem('<div><p>no namespace</p></div>')).toMatch(/XHTML namespace/);
    expect(xhtmlProblem('<div xmlns="http://www.w3.org/1999/xhtml"><p>open</div>')).toMatch(/well-formed/);
    expect(xhtmlProblem('<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>')).toMatch(/basic HTML/);
    expect(xhtmlProblem('<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()">a</p></div>')).toMatch(/basic HTML/);
    expect(xhtmlProblem('<div xmlns="http://www.w3.org/1999/xhtml"> </div>')).toMatch(/some text/);
    const patient = { resourceType: 'Patient', id: 'p', text: { status: 'generated', div: '<p>x</p>' } };
    expect(checkPrimitives(patient).map((i) => i.expression)).toEqual(['Patient.text.div']);
  });
});
