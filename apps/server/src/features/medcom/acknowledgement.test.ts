import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import type { AcknowledgementInput } from './acknowledgement-builder.ts';
import { acknowledgedMessageOf, buildAcknowledgement } from './acknowledgement-builder.ts';
import { readAcknowledgement } from './acknowledgement-reader.ts';
import { validateAcknowledgement, validateCareCommunication } from './medcom-validation.ts';
import { resendMessage } from './medcom-resources.ts';
import { organisationInput } from './medcom-organisation.ts';
import { readCareCommunication } from './carecommunication-reader.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { acknowledgementFixtures, careCommunicationFixture, counterIds, resourceOf } from './medcom.test-helpers.ts';

// Both base validators' definitions load once for this file.
beforeAll(async () => {
  await loadR4Validators();
}, 60_000);

describe('MedCom’s test acknowledgements', () => {
  it('are read: which message each answers, how, and what was wrong (a retired code accepted)', () => {
    const read = Object.fromEntries(acknowledgementFixtures().map(({ name, bundle }) => [name, readAcknowledgement(bundle)]));
    expect(Object.keys(read)).toEqual(['AA_A-ok', 'AE_C-fatal-error', 'AR_B-transient-error']);
    expect(read['AA_A-ok']).toMatchObject({ code: 'ok', acknowledgedMessageHeaderId: '42cb9200-f421-4d08-8391-7d51a2503cb4', messageHeaderId: 'c2f61230-8e53-4658-a027-5a9dc422ab39', issues: [] });
    expect(read['AE_C-fatal-error']).toMatchObject({
      bundleId: 'fd618b85-9376-45ac-b0bd-67b0541f4fa4',
      code: 'fatal-error',
      acknowledgedMessageHeaderId: '5b89a5d0-707a-4b42-8597-ef694e399006',
      sender: { sor: '265161000016000', gln: '5790000209354', name: 'Hjerteafdelingen på Herlev og Gentofte hospital' },
      receiver: { sor: '953741000016009', gln: '5790001348120', name: 'Plejecenter Herlev' },
      issues: [{ severity: 'error', type: 'value', code: 'message-development-error', retired: true, expression: [] }],
    });
    expect(read['AR_B-transient-error']).toMatchObject({ code: 'transient-error', acknowledgedMessageHeaderId: '42cb9200-f421-4d08-8391-7d51a2503cb4', issues: [{ code: 'message-development-error', retired: true }] });
  });

  it('pass the acknowledgement profile, both base validators and the invariants — the retired code only warned about', async () => {
    for (const { name, bundle } of acknowledgementFixtures()) {
      const { valid, issues } = await validateAcknowledgement(bundle);
      expect(valid, `${name}: ${JSON.stringify(issues)}`).toBe(true);
      expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    }
  });
});

const RECEIVED = 'R-A-new';

function ackInput(code: AcknowledgementInput['code'], issues: MedcomIssue[] = []): AcknowledgementInput {
  const message = careCommunicationFixture(RECEIVED);
  const acknowledged = acknowledgedMessageOf(message);
  if (!acknowledged) throw new Error('cannot acknowledge');
  return { code, acknowledged, us: organisationInput(acknowledged.receiver)!, issues, sentAt: new Date('2026-03-02T09:31:00Z'), ids: counterIds() };
}

const duplicateNote: MedcomIssue = { severity: 'information', type: 'informational', code: 'MSG_DUPLICATE_ID', key: 'duplicate', expression: 'Bundle', da: 'beskeden er modtaget før', en: 'the message was received before' };
const mailboxDown: MedcomIssue = { severity: 'error', type: 'transient', code: 'MSG_Mailbox_Out_Of_Operation', key: 'storage', expression: 'Bundle', da: 'postkassen er midlertidigt ude af drift', en: 'the mailbox is temporarily out of operation' };

describe('buildAcknowledgement', () => {
  it.each([
    ['ok', []],
    ['ok', [duplicateNote]],
    ['transient-error', [mailboxDown]],
  ] as const)('builds a valid %s acknowledgement that answers the message, to its sender', async (code, issues) => {
    const original = readCareCommunication(careCommunicationFixture(RECEIVED));
    const { bundle, bundleId, messageHeaderId } = buildAcknowledgement(ackInput(code, [...issues]));
    const { valid, issues: found } = await validateAcknowledgement(bundle);
    expect(found).toEqual([]);
    expect(valid).toBe(true);
    const read = readAcknowledgement(bundle);
    expect(read).toMatchObject({ bundleId, messageHeaderId, code, acknowledgedMessageHeaderId: original.messageHeaderId, sender: { sor: original.receiver?.sor }, receiver: { sor: original.sender?.sor } });
    expect(read.issues.map((i) => i.code)).toEqual(issues.map((i) => i.code));
    expect(resourceOf(bundle, 'MessageHeader')).toMatchObject({
      destination: [{ endpoint: original.senderEndpoint }],
      source: { endpoint: `https://sor2.sum.dsdn.dk/#id=${original.receiver?.sor ?? ''}` },
      response: { identifier: original.messageHeaderId, code },
    });
    // The copy of the acknowledged message's Provenance, and the acknowledgement's own.
    const provenances = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Provenance');
    expect(provenances.map((p) => [p.id, (p.activity as { coding: { code: string }[] }).coding[0]?.code, p.entity])).toEqual([
      [original.provenances[0]?.resourceId, 'new-message', [{ role: 'source', what: { identifier: { value: original.payloads[0]?.identifier } } }, { role: 'source', what: { identifier: { value: original.payloads[1]?.identifier } } }]],
      [expect.any(String), 'acknowledgement', [{ role: 'revision', what: { reference: `MessageHeader/${original.messageHeaderId ?? ''}` } }]],
    ]);
  });

  it('answers R-Tek-M with fatal-error carrying the validator’s issues: MSG_VALUESET_VALUE_UNKNOWN and medcom-careCommunication-6', async () => {
    const message = careCommunicationFixture('R-Tek-M-dublicate-inv');
    const { issues } = await validateCareCommunication(message);
    const acknowledged = acknowledgedMessageOf(message)!;
    const { bundle } = buildAcknowledgement({ code: 'fatal-error', acknowledged, us: organisationInput(acknowledged.receiver)!, issues, sentAt: new Date('2026-03-02T09:31:00Z') });
    expect((await validateAcknowledgement(bundle)).issues).toEqual([]);
    const read = readAcknowledgement(bundle);
    expect(read.code).toBe('fatal-error');
    expect(read.issues.map((i) => [i.code, i.system, i.expression[0]])).toEqual([
      ['MSG_VALUESET_VALUE_UNKNOWN', 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes', 'Bundle.entry[2].resource.ofType(Communication).category[0].coding[0].code'],
      ['MSG_RESOURCE_REQUIRED', 'http://terminology.hl7.org/CodeSystem/operation-outcome', 'Bundle.entry[2].resource.ofType(Communication)'],
    ]);
    expect(read.issues[0]?.text).toMatch(/kategoriens kode mangler \/ the category code is missing/);
  });

  it('refuses an error acknowledgement that does not say what is wrong', () => {
    expect(() => buildAcknowledgement(ackInput('fatal-error'))).toThrow(/issues/);
  });

  it('is sent again with a new envelope id and time, its content the same', async () => {
    const { bundle } = buildAcknowledgement(ackInput('transient-error', [mailboxDown]));
    const again = resendMessage(bundle, { sentAt: new Date('2026-03-02T10:01:00Z') });
    expect({ ...again, id: bundle.id, timestamp: bundle.timestamp }).toEqual(bundle);
    expect(again.id).not.toBe(bundle.id);
    expect((await validateAcknowledgement(again)).valid).toBe(true);
  });
});

describe('acknowledgedMessageOf', () => {
  it('finds what to answer and where even in a broken message, and nothing where there is no one to answer', () => {
    const message = careCommunicationFixture('R-Tek-M-dublicate-inv');
    expect(acknowledgedMessageOf(message)).toMatchObject({ messageHeaderId: expect.stringMatching(/^6550cb10/), sender: { sor: expect.any(String), gln: expect.any(String) }, senderEndpoint: expect.stringMatching(/^https:\/\/sor2/) });
    expect(acknowledgedMessageOf({ resourceType: 'Patient' })).toBeUndefined();
    const noSender = careCommunicationFixture('S-C-new');
    resourceOf(noSender, 'MessageHeader').sender = { reference: 'Organization/missing' };
    expect(acknowledgedMessageOf(noSender)).toBeUndefined();
  });
});

type Mutation = { name: string; breakIt: (b: FhirBundle) => void; key: string; code: string };

const mutations: Mutation[] = [
  {
    name: 'an error without its OperationOutcome',
    breakIt: (b) => {
      b.entry = b.entry.filter((e) => e.resource.resourceType !== 'OperationOutcome');
      delete (resourceOf(b, 'MessageHeader').response as Record<string, unknown>).details;
    },
    key: 'medcom-acknowledgement-1',
    code: 'MSG_RESOURCE_REQUIRED',
  },
  {
    name: 'a MessageHeader that is no acknowledgement header',
    breakIt: (b) => (resourceOf(b, 'MessageHeader').meta = { profile: ['http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader'] }),
    key: 'medcom-acknowledgement-2',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
  },
  { name: 'an unknown response code', breakIt: (b) => ((resourceOf(b, 'MessageHeader').response as Record<string, unknown>).code = 'maybe'), key: 'binding:MessageHeader.response.code', code: 'MSG_VALUESET_VALUE_UNKNOWN' },
  { name: 'no acknowledged message', breakIt: (b) => delete (resourceOf(b, 'MessageHeader').response as Record<string, unknown>).identifier, key: 'cardinality:MessageHeader.response.identifier', code: 'MSG_RESOURCE_REQUIRED' },
  {
    name: 'an error code MedCom does not have',
    breakIt: (b) => ((resourceOf(b, 'OperationOutcome').issue as { details: { coding: { code: string }[] } }[])[0]!.details.coding[0]!.code = 'MSG_SOMETHING'),
    key: 'binding:OperationOutcome.issue.details',
    code: 'MSG_VALUESET_VALUE_UNKNOWN',
  },
  { name: 'another event', breakIt: (b) => ((resourceOf(b, 'MessageHeader').eventCoding as { code: string }).code = 'care-communication-message'), key: 'fixed:MessageHeader.eventCoding', code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE' },
  { name: 'no Provenance', breakIt: (b) => (b.entry = b.entry.filter((e) => e.resource.resourceType !== 'Provenance')), key: 'medcom-messaging-2', code: 'MSG_RESOURCE_REQUIRED' },
];

describe('a broken acknowledgement', () => {
  it.each(mutations)('is refused: $name', async ({ breakIt, key, code }) => {
    const { bundle } = buildAcknowledgement(ackInput('transient-error', [mailboxDown]));
    breakIt(bundle);
    const { valid, issues } = await validateAcknowledgement(bundle, { baseR4: false });
    expect(valid).toBe(false);
    expect(issues.map((i) => ({ key: i.key, code: i.code }))).toContainEqual({ key, code });
  });
});
