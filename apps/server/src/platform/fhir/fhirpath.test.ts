import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Invariant } from './fhirpath.ts';
import { evaluateFhirPath, profileChain, runInvariants } from './fhirpath.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const read = (relative: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8'));
const S_C_NEW = 'refdata/fhir/medcom/carecommunication/Bundle-S-C-new-aca3d03a-febd-4b88-ad53-ac1bc36da615.json';

const CC_HEADER = 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader';
const MESSAGING_HEADER = 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader';
const parents = { [CC_HEADER]: MESSAGING_HEADER };

const invariant = (key: string, expression: string, extra: Partial<Invariant> = {}): Invariant => ({ key, expression, human: key, severity: 'error', ...extra });

describe('evaluateFhirPath', () => {
  it('resolves references inside the Bundle, by Type/id and by fullUrl', async () => {
    const bundle = read(S_C_NEW);
    expect(await evaluateFhirPath(bundle, 'Bundle.entry.resource.ofType(MessageHeader).sender.resolve().name')).toEqual(['Hjemmesygeplejen, Aalborg kommune']);
    expect(await evaluateFhirPath(bundle, "'https://medcomfhir.dk/ig/carecommunication/Patient/8d7f4ef8-ac79-4b7d-b9e7-b769471221b2'.resolve().name.family")).toEqual(['Elmer']);
    expect(await evaluateFhirPath(bundle, "'Patient/unknown'.resolve()")).toEqual([]);
  });

  it('honours profile inheritance in conformsTo()', async () => {
    const bundle = read(S_C_NEW);
    const header = `Bundle.entry[0].resource.conformsTo('${MESSAGING_HEADER}')`;
    expect(await evaluateFhirPath(bundle, header, { profileParents: parents })).toEqual([true]);
    expect(await evaluateFhirPath(bundle, header)).toEqual([false]);
    expect(await evaluateFhirPath(bundle, `Bundle.entry[0].resource.conformsTo('${CC_HEADER}')`)).toEqual([true]);
    expect(await evaluateFhirPath(bundle, "Bundle.entry[0].resource.conformsTo('http://hl7.org/fhir/StructureDefinition/MessageHeader')")).toEqual([true]);
  });

  it('leaves the data it evaluates as it was', async () => {
    const bundle = read(S_C_NEW);
    const before = JSON.stringify(bundle);
    await evaluateFhirPath(bundle, 'Bundle.entry.resource.ofType(Communication).payload.extension.value.reference.resolve().practitioner.resolve().name');
    await runInvariants(bundle, [invariant('x', 'payload.exists()', { context: 'Bundle.entry.resource.ofType(Communication)' })]);
    expect(JSON.stringify(bundle)).toBe(before);
  });
});

describe('profileChain', () => {
  it('is the declared profiles, their ancestors and the base definition; a versioned canonical counts as the profile', () => {
    expect(profileChain({ resourceType: 'MessageHeader', meta: { profile: [`${CC_HEADER}|5.0`] } }, parents)).toEqual([
      'http://hl7.org/fhir/StructureDefinition/MessageHeader',
      CC_HEADER,
      MESSAGING_HEADER,
    ]);
  });
});

describe('runInvariants', () => {
  it('passes true, fails false, and names where it failed', async () => {
    const bundle = read(S_C_NEW);
    const failures = await runInvariants(bundle, [
      invariant('one-patient', 'entry.where(resource.is(Patient)).count() = 1'),
      invariant('no-topic', 'topic.empty()', { context: 'Bundle.entry.resource.ofType(Communication)' }),
    ]);
    expect(failures).toEqual([{ key: 'no-topic', severity: 'error', human: 'no-topic', location: 'Bundle.entry[2].resource.ofType(Communication)', outcome: 'false' }]);
  });

  it('fails an empty result unless the invariant is checked by hand, and fails an expression that cannot be evaluated', async () => {
    const bundle = read(S_C_NEW);
    const empty = 'entry.resource.ofType(Encounter).id = entry.resource.ofType(Communication).encounter.reference';
    const failures = await runInvariants(bundle, [
      invariant('empty', empty),
      invariant('empty-by-hand', empty, { handChecked: true }),
      invariant('false-by-hand', 'false', { handChecked: true }),
      invariant('not-a-singleton', "entry.resource.id.startsWith('x')"),
      invariant('unparseable', 'entry.resource.('),
    ]);
    expect(failures.map((f) => [f.key, f.outcome])).toEqual([
      ['empty', 'empty'],
      ['false-by-hand', 'false'],
      ['not-a-singleton', 'error'],
      ['unparseable', 'error'],
    ]);
  });

  it('evaluates an invariant at every node its context selects, primitives included', async () => {
    const bundle = read(S_C_NEW);
    const failures = await runInvariants(bundle, [
      invariant('sor-digits', "matches('^([0-9]){11,}$')", { context: "Bundle.entry.resource.ofType(Organization).identifier.where(system = 'urn:oid:1.2.208.176.1.1').value" }),
      invariant('gln-not-5790000121786', "value != '5790000121786'", { context: "Bundle.entry.resource.ofType(Organization).identifier.where(system = 'https://www.gs1.org/gln')" }),
      invariant('sor-not-1017421000016003', "$this != '1017421000016003'", { context: "Bundle.entry.resource.ofType(Organization).identifier.where(system = 'urn:oid:1.2.208.176.1.1').value" }),
      invariant('no-such-nodes', 'false', { context: 'Bundle.entry.resource.ofType(Encounter)' }),
    ]);
    expect(failures.map((f) => [f.key, f.location])).toEqual([
      ['gln-not-5790000121786', 'Bundle.entry[5].resource.ofType(Organization).identifier[0]'],
      ['sor-not-1017421000016003', 'Bundle.entry[6].resource.ofType(Organization).identifier[1].value'],
    ]);
  });
});
