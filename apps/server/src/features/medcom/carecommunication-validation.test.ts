import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { validateCareCommunication } from './medcom-validation.ts';
import { careCommunicationInvariants } from './carecommunication-invariants.ts';
import { careCommunicationFixture, careCommunicationFixtures, resourceOf } from './medcom.test-helpers.ts';

// Both base validators' definitions load once for this file.
beforeAll(async () => {
  await loadR4Validators();
}, 60_000);

const communicationOf = (b: FhirBundle) => resourceOf(b, 'Communication');
const headerOf = (b: FhirBundle) => resourceOf(b, 'MessageHeader');
const payloads = (b: FhirBundle) => communicationOf(b).payload as Record<string, unknown>[];
const extensions = (element: unknown) => (element as { extension: { url: string; [k: string]: unknown }[] }).extension;
const byUrl = (element: unknown, tail: string) => extensions(element).find((e) => e.url.endsWith(tail)) as Record<string, unknown>;
const identifiers = (r: FhirResource) => r.identifier as { system?: string; value?: string; use?: string }[];
const orgBySor = (b: FhirBundle, sor: string) => b.entry.map((e) => e.resource).find((r) => r.resourceType === 'Organization' && identifiers(r).some((i) => i.value === sor)) as FhirResource;
const senderOrg = (b: FhirBundle) => b.entry.find((e) => e.resource.id === String((headerOf(b).sender as { reference: string }).reference).split('/')[1])?.resource as FhirResource;

describe('MedCom’s CareCommunication test messages', () => {
  const fixtures = careCommunicationFixtures();

  it('are 15, and every one passes both base R4 validators and the primitive checks', async () => {
    expect(fixtures).toHaveLength(15);
    for (const { name, bundle } of fixtures) expect(await validateBaseR4(bundle), name).toEqual([]);
  });

  it('pass the CareCommunication profile and every invariant — all but R-Tek-M', async () => {
    for (const { name, bundle } of fixtures) {
      const { valid, issues } = await validateCareCommunication(bundle);
      if (name === 'R-Tek-M-dublicate-inv') continue;
      expect({ name, issues }).toEqual({ name, issues: [] });
      expect(valid).toBe(true);
    }
  });

  it('refuse R-Tek-M: its category has no code — MSG_VALUESET_VALUE_UNKNOWN on Communication.category, and invariant medcom-careCommunication-6', async () => {
    const { valid, issues } = await validateCareCommunication(careCommunicationFixture('R-Tek-M-dublicate-inv'));
    expect(valid).toBe(false);
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'MSG_VALUESET_VALUE_UNKNOWN', expression: 'Bundle.entry[2].resource.ofType(Communication).category[0].coding[0].code' });
    expect(issues[0]?.da).toMatch(/kategori/);
    expect(issues[0]?.en).toMatch(/category/);
    expect(issues.map((i) => i.key)).toEqual(['cardinality:Communication.category.coding.code', 'medcom-careCommunication-6']);
  });
});

describe('a GLN in DK-core 3.5’s spelling', () => {
  it('is accepted as well as 3.4’s, and read as the GLN', async () => {
    const bundle = careCommunicationFixture('S-C-new');
    for (const organisation of bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Organization')) {
      for (const identifier of identifiers(organisation)) if (identifier.system === GLN) identifier.system = 'http://www.gs1.org/gln';
    }
    expect((await validateCareCommunication(bundle)).issues).toEqual([]);
  });
});

describe('base R4 findings in a CareCommunication', () => {
  it('are reported with the validator that found them and a MedCom code', async () => {
    const bundle = careCommunicationFixture('S-C-new');
    bundle.timestamp = '2024-09-11T15:20:00';
    communicationOf(bundle).sentence = 'not an element';
    resourceOf(bundle, 'Patient').gender = 'unknown-gender';
    const { valid, issues } = await validateCareCommunication(bundle);
    expect(valid).toBe(false);
    const found = issues.map((i) => [i.key, i.code, i.expression]);
    expect(found).toContainEqual(['base-r4:primitives', 'MSG_DATE_FORMAT', 'Bundle.timestamp']);
    expect(found).toContainEqual(['base-r4:fhirjs', 'MSG_VALUESET_VALUE_UNKNOWN', 'Patient.gender']);
    expect(found).toContainEqual(['base-r4:medplum', 'MSG_BAD_FORMAT', 'Bundle.entry[2].resource.sentence']);
  });
});

type Mutation = { name: string; fixture: string; breakIt: (b: FhirBundle) => void; expect: { key: string; code: string }[] };

const SOR = 'urn:oid:1.2.208.176.1.1';
const GLN = 'https://www.gs1.org/gln';

/** Each invariant and key rule, broken in a copy of a valid test message. */
const mutations: Mutation[] = [
  // Invariants of the message
  {
    name: 'the first entry is no MedCom MessageHeader',
    fixture: 'S-C-new',
    breakIt: (b) => (headerOf(b).meta = { profile: ['http://example.org/StructureDefinition/other'] }),
    expect: [
      { key: 'medcom-messaging-1', code: 'MSG_RESOURCE_TYPE_MISMATCH' },
      { key: 'medcom-careCommunication-1', code: 'MSG_RESOURCE_TYPE_MISMATCH' },
    ],
  },
  { name: 'no Provenance', fixture: 'S-C-new', breakIt: (b) => (b.entry = b.entry.filter((e) => e.resource.resourceType !== 'Provenance')), expect: [{ key: 'medcom-messaging-2', code: 'MSG_RESOURCE_REQUIRED' }] },
  {
    name: 'the MessageHeader is a messaging MessageHeader but not CareCommunication’s',
    fixture: 'S-C-new',
    breakIt: (b) => (headerOf(b).meta = { profile: ['http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader'] }),
    expect: [{ key: 'medcom-careCommunication-1', code: 'MSG_RESOURCE_TYPE_MISMATCH' }],
  },
  {
    name: 'two Patients',
    fixture: 'S-C-new',
    breakIt: (b) => b.entry.push({ fullUrl: 'https://medcomfhir.dk/ig/carecommunication/Patient/second', resource: { ...structuredClone(resourceOf(b, 'Patient')), id: 'second' } }),
    expect: [{ key: 'medcom-careCommunication-2', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'a Provenance of the messaging profile only',
    fixture: 'S-C-new',
    breakIt: (b) => (resourceOf(b, 'Provenance').meta = { profile: ['http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance'] }),
    expect: [{ key: 'medcom-careCommunication-3', code: 'MSG_RESOURCE_TYPE_MISMATCH' }],
  },
  {
    name: 'a Practitioner without a name',
    fixture: 'S-C-new',
    breakIt: (b) => delete resourceOf(b, 'Practitioner').name,
    expect: [
      { key: 'medcom-careCommunication-4', code: 'MSG_RESOURCE_REQUIRED' },
      { key: 'medcom-careCommunication-8', code: 'MSG_RESOURCE_REQUIRED' },
    ],
  },
  {
    name: 'a specific sender (CareTeam) of another organisation than the sender',
    fixture: 'R-A-new',
    breakIt: (b) => (resourceOf(b, 'CareTeam').managingOrganization = [(headerOf(b).destination as { receiver: unknown }[])[0]!.receiver]),
    expect: [{ key: 'medcom-careCommunication-11', code: 'MSG_RESOURCE_ID_MISMATCH' }],
  },
  {
    name: 'a specific recipient of another organisation than the receiver',
    fixture: 'R-A-new',
    breakIt: (b) => (resourceOf(b, 'PractitionerRole', 1).organization = headerOf(b).sender),
    expect: [{ key: 'medcom-careCommunication-12', code: 'MSG_RESOURCE_ID_MISMATCH' }],
  },
  {
    name: 'a PractitionerRole without its Practitioner',
    fixture: 'S-C-new',
    breakIt: (b) => delete resourceOf(b, 'PractitionerRole').practitioner,
    expect: [
      { key: 'medcom-careCommunication-13', code: 'MSG_RESOURCE_REQUIRED' },
      { key: 'medcom-careCommunication-8', code: 'MSG_RESOURCE_REQUIRED' },
    ],
  },
  { name: 'an Encounter nobody references', fixture: 'S-Tek-B-new-episodeOfCare', breakIt: (b) => delete communicationOf(b).encounter, expect: [{ key: 'medcom-careCommunication-15', code: 'MSG_LOCAL_FAIL' }] },
  {
    name: 'the MessageDefinition of CareCommunication 4',
    fixture: 'S-C-new',
    breakIt: (b) => (headerOf(b).definition = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|4.0'),
    expect: [{ key: 'medcom-carecommunication-definition-url', code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE' }],
  },
  // Invariants of the Communication
  { name: 'a priority with a category other than regarding-referral', fixture: 'S-C-new', breakIt: (b) => (communicationOf(b).priority = 'asap'), expect: [{ key: 'medcom-careCommunication-5', code: 'MSG_BAD_FORMAT' }] },
  {
    name: 'category other without a topic',
    fixture: 'S-C-new',
    breakIt: (b) => {
      const c = communicationOf(b);
      (c.category as { coding: { code: string }[] }[])[0]!.coding[0]!.code = 'other';
      delete c.topic;
    },
    expect: [{ key: 'medcom-careCommunication-6', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'an author role with both a code and a text',
    fixture: 'S-C-new',
    breakIt: (b) => ((resourceOf(b, 'PractitionerRole').code as { text?: string }[])[0]!.text = 'Sygeplejerske'),
    expect: [{ key: 'medcom-careCommunication-7', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'an Encounter without an episode-of-care identifier',
    fixture: 'S-Tek-B-new-episodeOfCare',
    breakIt: (b) => delete resourceOf(b, 'Encounter').episodeOfCare,
    expect: [{ key: 'medcom-careCommunication-9', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'a thread identifier in capitals',
    fixture: 'S-C-new',
    breakIt: (b) => ((communicationOf(b).identifier as { value: string }[])[0]!.value = 'urn:uuid:5FDC8520-7A2F-497C-97ED-FCCA13F12F8B'),
    expect: [{ key: 'medcom-uuidv4', code: 'MSG_BAD_FORMAT' }],
  },
  {
    name: 'an author contact that is no phone number',
    fixture: 'S-C-new',
    breakIt: (b) => ((byUrl(payloads(b)[0], 'medcom-core-contact-extension').valueContactPoint as { value: string }).value = 'ring til os'),
    expect: [{ key: 'medcom-core-contact', code: 'MSG_BAD_FORMAT' }],
  },
  // DK-core identifiers
  { name: 'a CPR number with no such date', fixture: 'S-C-new', breakIt: (b) => (identifiers(resourceOf(b, 'Patient'))[0]!.value = '3213479989'), expect: [{ key: 'cpr', code: 'MSG_BAD_FORMAT' }] },
  {
    name: 'an X-eCPR with a 2 in position 7',
    fixture: 'R-Tek-CPR-1',
    breakIt: (b) => (identifiers(resourceOf(b, 'Patient')).find((i) => i.system === 'urn:oid:1.2.208.176.1.6.1.1')!.value = '0703922VJ4'),
    expect: [{ key: 'x-ecpr', code: 'MSG_BAD_FORMAT' }],
  },
  { name: 'a D-eCPR with a 1 in position 7', fixture: 'R-Tek-B', breakIt: (b) => (identifiers(resourceOf(b, 'Patient'))[0]!.value = '1206551VK9'), expect: [{ key: 'd-ecpr', code: 'MSG_BAD_FORMAT' }] },
  { name: 'a SOR id of 5 digits', fixture: 'S-C-new', breakIt: (b) => (identifiers(senderOrg(b)).find((i) => i.system === SOR)!.value = '12345'), expect: [{ key: 'min-digits-sor', code: 'MSG_BAD_FORMAT' }] },
  { name: 'a GLN of 3 digits', fixture: 'S-C-new', breakIt: (b) => (identifiers(senderOrg(b)).find((i) => i.system === GLN)!.value = '123'), expect: [{ key: 'gln-length', code: 'MSG_BAD_FORMAT' }] },
  { name: 'a GLN with a wrong check digit', fixture: 'S-C-new', breakIt: (b) => (identifiers(senderOrg(b)).find((i) => i.system === GLN)!.value = '5790000121787'), expect: [{ key: 'gln-modulus-10', code: 'MSG_BAD_FORMAT' }] },
  {
    name: 'an organisation without a SOR id',
    fixture: 'S-C-new',
    breakIt: (b) => (senderOrg(b).identifier = identifiers(senderOrg(b)).filter((i) => i.system !== SOR)),
    expect: [
      { key: 'dk-core-organization-mandatory-identifier', code: 'MSG_RESOURCE_REQUIRED' },
      { key: 'cardinality:Organization.identifier:SOR-ID', code: 'MSG_RESOURCE_REQUIRED' },
    ],
  },
  // Cardinalities, fixed values, slices and bindings
  { name: 'a Bundle that is no message', fixture: 'S-C-new', breakIt: (b) => (b.type = 'collection'), expect: [{ key: 'fixed:Bundle.type', code: 'MSG_BAD_FORMAT' }] },
  { name: 'the MessageHeader not first', fixture: 'S-C-new', breakIt: (b) => b.entry.reverse(), expect: [{ key: 'bdl-12', code: 'MSG_RESOURCE_TYPE_MISMATCH' }] },
  {
    name: 'another event',
    fixture: 'S-C-new',
    breakIt: (b) => ((headerOf(b).eventCoding as { code: string }).code = 'hospital-notification-message'),
    expect: [{ key: 'fixed:MessageHeader.eventCoding', code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE' }],
  },
  {
    name: 'a cc receiver',
    fixture: 'S-C-new',
    breakIt: (b) => {
      const destinations = headerOf(b).destination as Record<string, unknown>[];
      const cc = structuredClone(destinations[0]!);
      (extensions(cc)[0]!.valueCoding as { code: string }).code = 'cc';
      destinations.push(cc);
    },
    expect: [{ key: 'cardinality:MessageHeader.destination:cc', code: 'MSG_RESOURCE_NOT_ALLOWED' }],
  },
  {
    name: 'no receiver',
    fixture: 'S-C-new',
    breakIt: (b) => delete (headerOf(b).destination as Record<string, unknown>[])[0]!.receiver,
    expect: [{ key: 'cardinality:MessageHeader.destination.receiver', code: 'MSG_Receiver_Identifier_MISSING' }],
  },
  { name: 'a sender not in the message', fixture: 'S-C-new', breakIt: (b) => (headerOf(b).sender = { reference: 'Organization/elsewhere' }), expect: [{ key: 'cardinality:MessageHeader.sender', code: 'MSG_LOCAL_FAIL' }] },
  { name: 'a Communication status other than unknown', fixture: 'S-C-new', breakIt: (b) => (communicationOf(b).status = 'completed'), expect: [{ key: 'fixed:Communication.status', code: 'MSG_VALUESET_VALUE_UNKNOWN' }] },
  { name: 'no thread identifier', fixture: 'S-C-new', breakIt: (b) => delete communicationOf(b).identifier, expect: [{ key: 'cardinality:Communication.identifier', code: 'MSG_RESOURCE_REQUIRED' }] },
  {
    name: 'a category MedCom does not have',
    fixture: 'S-C-new',
    breakIt: (b) => ((communicationOf(b).category as { coding: { code: string }[] }[])[0]!.coding[0]!.code = 'rehabilitation'),
    expect: [{ key: 'binding:Communication.category', code: 'MSG_VALUESET_VALUE_UNKNOWN' }],
  },
  {
    name: 'a category from another code system',
    fixture: 'S-C-new',
    breakIt: (b) => ((communicationOf(b).category as { coding: { system: string }[] }[])[0]!.coding[0]!.system = 'http://example.org/categories'),
    expect: [{ key: 'binding:Communication.category', code: 'MSG_CodeSystem_VALUE_UNKNOWN' }],
  },
  { name: 'no text payload', fixture: 'R-A-new', breakIt: (b) => payloads(b).splice(0, 1), expect: [{ key: 'cardinality:Communication.payload:string', code: 'MSG_RESOURCE_REQUIRED' }] },
  {
    name: 'a payload without its date',
    fixture: 'S-C-new',
    breakIt: (b) => (payloads(b)[0]!.extension = extensions(payloads(b)[0]).filter((e) => !e.url.endsWith('datetime-extension'))),
    expect: [{ key: 'cardinality:Communication.payload.extension:date', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'a payload identifier that is no urn:uuid',
    fixture: 'S-C-new',
    breakIt: (b) => ((byUrl(payloads(b)[0], 'identifier-extension').valueIdentifier as { value: string }).value = 'segment-1'),
    expect: [{ key: 'medcom-uuidv4', code: 'MSG_BAD_FORMAT' }],
  },
  {
    name: 'an attachment without a title',
    fixture: 'R-A-new',
    breakIt: (b) => delete (payloads(b)[1]!.contentAttachment as Record<string, unknown>).title,
    expect: [{ key: 'cardinality:Communication.payload.contentAttachment.title', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'an attachment of a type MedCom does not allow',
    fixture: 'R-A-new',
    breakIt: (b) => ((payloads(b)[1]!.contentAttachment as Record<string, unknown>).contentType = 'text/html'),
    expect: [{ key: 'binding:Communication.payload.contentAttachment.contentType', code: 'MSG_VALUESET_VALUE_UNKNOWN' }],
  },
  {
    name: 'a patient with neither CPR nor replacement CPR',
    fixture: 'S-C-new',
    breakIt: (b) => (identifiers(resourceOf(b, 'Patient'))[0]!.system = 'urn:oid:1.2.208.176.1.99'),
    expect: [{ key: 'slice:Patient.identifier', code: 'MSG_VALUESET_VALUE_UNKNOWN' }],
  },
  { name: 'a patient without an official name', fixture: 'S-C-new', breakIt: (b) => ((resourceOf(b, 'Patient').name as { use: string }[])[0]!.use = 'usual'), expect: [{ key: 'cardinality:Patient.name:official', code: 'MSG_RESOURCE_REQUIRED' }] },
  {
    name: 'a receiver without a GLN',
    fixture: 'S-C-new',
    breakIt: (b) => {
      const receiver = orgBySor(b, '1017421000016003');
      receiver.identifier = identifiers(receiver).filter((i) => i.system !== GLN);
    },
    expect: [{ key: 'cardinality:Organization.identifier:EAN-ID', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  {
    name: 'a Provenance activity MedCom does not have',
    fixture: 'S-C-new',
    breakIt: (b) => ((resourceOf(b, 'Provenance').activity as { coding: { code: string }[] }).coding[0]!.code = 'admit-inpatient'),
    expect: [{ key: 'binding:Provenance.activity', code: 'MSG_VALUESET_VALUE_UNKNOWN' }],
  },
  {
    name: 'a reply without the message it answers',
    fixture: 'R-C-forward',
    breakIt: (b) => {
      const own = b.entry.map((e) => e.resource).find((r) => r.resourceType === 'Provenance' && (r.activity as { coding: { code: string }[] }).coding[0]!.code === 'forward-message')!;
      own.entity = (own.entity as { role: string }[]).filter((e) => e.role !== 'revision');
    },
    expect: [{ key: 'cardinality:Provenance.entity:preceedingMessage', code: 'MSG_RESOURCE_REQUIRED' }],
  },
  { name: 'a resource without narrative', fixture: 'S-C-new', breakIt: (b) => delete resourceOf(b, 'Patient').text, expect: [{ key: 'narrative', code: 'MSG_RESOURCE_REQUIRED' }] },
  {
    name: 'two resources with one id',
    fixture: 'S-C-new',
    breakIt: (b) => b.entry.push({ fullUrl: 'https://medcomfhir.dk/ig/carecommunication/Practitioner/copy', resource: structuredClone(resourceOf(b, 'Practitioner')) }),
    expect: [{ key: 'unique:Resource.id', code: 'MSG_DUPLICATE_ID' }],
  },
  { name: 'a subject not in the message', fixture: 'S-C-new', breakIt: (b) => (communicationOf(b).subject = { reference: 'Patient/elsewhere' }), expect: [{ key: 'cardinality:Communication.subject', code: 'MSG_LOCAL_FAIL' }] },
];

describe('a broken copy of a valid test message', () => {
  it('covers every CareCommunication invariant', () => {
    const broken = new Set(mutations.flatMap((m) => m.expect.map((e) => e.key)));
    expect(careCommunicationInvariants.map((i) => i.key).filter((key) => !broken.has(key))).toEqual([]);
  });

  it.each(mutations)('is refused: $name', async ({ fixture, breakIt, expect: expected }) => {
    const bundle = careCommunicationFixture(fixture);
    breakIt(bundle);
    const { valid, issues } = await validateCareCommunication(bundle, { baseR4: false });
    expect(valid).toBe(false);
    for (const e of expected) expect(issues.map((i) => ({ key: i.key, code: i.code })), JSON.stringify(issues.map((i) => [i.key, i.code]))).toContainEqual(e);
    for (const issue of issues) {
      expect(issue.expression).toMatch(/^Bundle/);
      expect(issue.da.length * issue.en.length).toBeGreaterThan(0);
      // No CPR number (or replacement CPR) in any text.
      expect(`${issue.da} ${issue.en} ${issue.expression}`).not.toMatch(/\d{6}-?\d[0-9A-Z]{3}\b/);
    }
  });
});
