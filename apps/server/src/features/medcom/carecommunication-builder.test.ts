import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import { AppError } from '../../platform/errors.ts';
import type { CareCommunicationInput } from './carecommunication-builder.ts';
import { buildCareCommunication } from './carecommunication-builder.ts';
import { readCareCommunication } from './carecommunication-reader.ts';
import { validateCareCommunication } from './medcom-validation.ts';
import { resendMessage } from './medcom-resources.ts';
import { organisationInput } from './medcom-organisation.ts';
import { BALLERUP, GP_CLINIC, PDF_BASE64, careCommunicationFixture, counterIds, newMessageInput, resourceOf } from './medcom.test-helpers.ts';

// Both base validators' definitions load once for this file.
beforeAll(async () => {
  await loadR4Validators();
}, 60_000);

/** Builds, and demands the message pass both base validators, the profile and every invariant. */
async function builtAndValid(input: CareCommunicationInput) {
  const built = buildCareCommunication(input);
  const { valid, issues } = await validateCareCommunication(built.bundle);
  expect(issues).toEqual([]);
  expect(valid).toBe(true);
  return built;
}

const texts = (b: FhirBundle) => b.entry.map((e) => e.resource.text?.div ?? '');

describe('buildCareCommunication: a new message', () => {
  it('to a GP about a citizen with a CPR number is valid, and its parts are as MedCom wants them', async () => {
    const { bundle, bundleId, messageHeaderId, threadId, payloadIdentifiers } = await builtAndValid(newMessageInput());
    expect(bundle.id).toBe(bundleId);
    expect(bundle.timestamp).toBe('2026-03-02T09:30:00Z');
    expect(bundle.meta?.profile).toEqual(['http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message']);
    expect(bundle.entry[0]?.resource).toMatchObject({ resourceType: 'MessageHeader', id: messageHeaderId, definition: 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0' });
    // Absolute fullUrls on one base, so the relative references resolve.
    for (const e of bundle.entry) expect(e.fullUrl).toBe(`https://samkraft.dk/fhir/${e.resource.resourceType}/${e.resource.id ?? ''}`);
    for (const e of bundle.entry) expect(e.resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(threadId).toMatch(/^urn:uuid:/);
    expect(payloadIdentifiers).toHaveLength(1);
    // GLN written as CareCommunication 5.0.x (DK-core 3.4.0) fixes it.
    const organisations = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Organization');
    expect(organisations.flatMap((o) => (o.identifier as { system: string }[]).map((i) => i.system))).toEqual(['urn:oid:1.2.208.176.1.1', 'https://www.gs1.org/gln', 'urn:oid:1.2.208.176.1.1', 'https://www.gs1.org/gln']);
    expect(resourceOf(bundle, 'Patient').identifier).toEqual([{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: '2509479989' }]);
    expect(resourceOf(bundle, 'Communication').text?.status).toBe('extensions');
  });

  it('writes a narrative for every resource: Danish, with its id and its required elements', () => {
    const { bundle } = buildCareCommunication(newMessageInput());
    for (const e of bundle.entry) {
      expect(e.resource.text?.div).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
      expect(e.resource.text?.div).toContain(`(id ${e.resource.id ?? ''})`);
    }
    const [header, patient, communication] = texts(bundle);
    expect(header).toContain('https://sor2.sum.dsdn.dk/#id=1017421000016003');
    expect(patient).toContain('CPR-nummer');
    expect(patient).toContain('2509479989');
    expect(communication).toContain('Træning (Training, training)');
    expect(communication).toContain('Afslutningsnotat');
    expect(communication).toContain('Bruno har afsluttet sit rehabiliteringsforløb.<br/>Venlig hilsen');
  });

  it('with a PDF is valid, and the PDF never shows in a narrative', async () => {
    const { bundle, payloadIdentifiers } = await builtAndValid(newMessageInput({ attachment: { title: 'Afslutningsnotat', data: PDF_BASE64 } }));
    expect(payloadIdentifiers).toHaveLength(2);
    const payload = (resourceOf(bundle, 'Communication').payload as { contentAttachment?: unknown }[])[1];
    expect(payload?.contentAttachment).toEqual({ contentType: 'application/pdf', data: PDF_BASE64, title: 'Afslutningsnotat', creation: '2026-03-02T09:30:00Z' });
    for (const div of texts(bundle)) expect(div).not.toContain(PDF_BASE64.slice(0, 16));
    expect(texts(bundle)[2]).toContain('indholdet vises ikke her');
  });

  it('about a citizen with an X-eCPR or a regional D-eCPR, or with no known family name, is valid', async () => {
    const x = await builtAndValid(newMessageInput({ patient: { identifier: { kind: 'x-ecpr', value: '0703921VJ4' }, family: 'Hansen', given: ['Peter'] } }));
    expect(resourceOf(x.bundle, 'Patient').identifier).toEqual([{ use: 'temp', system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0703921VJ4' }]);
    const d = await builtAndValid(newMessageInput({ patient: { identifier: { kind: 'd-ecpr', value: '1206550VK9', system: 'urn:oid:1.2.208.176.1.6.1.3.177' }, family: undefined, given: ['Peter'] } }));
    expect(resourceOf(d.bundle, 'Patient')).toMatchObject({
      identifier: [{ use: 'temp', system: 'urn:oid:1.2.208.176.1.6.1.3.177', value: '1206550VK9' }],
      name: [{ use: 'official', _family: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] }, given: ['Peter'] }],
    });
  });

  it('with a specific sender team and recipient, a role in free text, a priority on a referral question: valid', async () => {
    const { bundle } = await builtAndValid(
      newMessageInput({
        category: 'regarding-referral',
        priority: 'asap',
        topic: undefined,
        author: { given: ['Anne'], family: 'Ergo', role: { text: 'Ergoterapeut i kræftrehabiliteringen' }, phone: '44 77 10 00' },
        specificSender: { kind: 'CareTeam', name: 'Kræftrehabiliteringen' },
        specificRecipient: { kind: 'PractitionerRole', given: ['Lene'], family: 'Læge', role: { system: undefined, code: 'overlaege' } },
      }),
    );
    expect(resourceOf(bundle, 'Communication')).toMatchObject({ priority: 'asap', extension: [{ url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-sender-extension' }] });
  });

  it('in category other needs a topic, and is valid with one', async () => {
    await builtAndValid(newMessageInput({ category: 'other', topic: 'Spørgsmål om hjælpemidler' }));
    expect(() => buildCareCommunication(newMessageInput({ category: 'other', topic: undefined }))).toThrow(/topic/);
  });

  it('is the same message for the same input and ids', () => {
    expect(buildCareCommunication(newMessageInput()).bundle).toEqual(buildCareCommunication(newMessageInput()).bundle);
  });
});

describe('buildCareCommunication: refused input', () => {
  const fieldsOf = (input: CareCommunicationInput) => {
    try {
      buildCareCommunication(input);
    } catch (error) {
      if (error instanceof AppError) return error.fields.map((f) => f.field);
      throw error;
    }
    return [];
  };

  it('names each field, and never repeats a CPR number', () => {
    expect(fieldsOf(newMessageInput({ category: undefined }))).toEqual(['category']);
    expect(fieldsOf(newMessageInput({ receiver: { ...GP_CLINIC, gln: '5790002408497' }, sender: { ...BALLERUP, sor: '1234' } }))).toEqual(['sender.sor', 'receiver.gln']);
    expect(fieldsOf(newMessageInput({ priority: 'asap' }))).toEqual(['priority']);
    expect(fieldsOf(newMessageInput({ text: ' ' }))).toEqual(['text']);
    expect(fieldsOf(newMessageInput({ attachment: { title: '', data: 'not base64!' } }))).toEqual(['attachment.title', 'attachment.data']);
    expect(fieldsOf(newMessageInput({ kind: 'reply' }))).toEqual(['previous', 'previous.threadId']);
    expect(() => buildCareCommunication(newMessageInput({ patient: { identifier: { kind: 'cpr', value: '3213479989' }, family: 'Elmer' } }))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('3213479989') as unknown }),
    );
  });
});

describe('buildCareCommunication: reply and forward', () => {
  /** The receiver of a test message answers its sender. */
  const replyTo = (name: string, overrides: Partial<CareCommunicationInput> = {}): CareCommunicationInput => {
    const previous = readCareCommunication(careCommunicationFixture(name));
    return newMessageInput({
      kind: 'reply',
      previous,
      sender: organisationInput(previous.receiver)!,
      receiver: organisationInput(previous.sender)!,
      category: undefined,
      topic: undefined,
      text: 'Tak for beskeden. Vi følger op.',
      ...overrides,
    });
  };

  it('keeps the thread, carries every earlier payload (attachments without content) and the history, and addresses the specific sender', async () => {
    const previous = readCareCommunication(careCommunicationFixture('R-A-new'));
    const { bundle, threadId, payloadIdentifiers } = await builtAndValid(replyTo('R-A-new'));
    const reply = readCareCommunication(bundle);
    expect(threadId).toBe(previous.threadId);
    expect(reply).toMatchObject({ threadId: previous.threadId, category: previous.category, topic: previous.topic, activity: 'reply-message', precedingMessageHeaderId: previous.messageHeaderId });
    expect(reply.payloads.map((p) => p.identifier)).toEqual([...previous.payloads.map((p) => p.identifier), ...payloadIdentifiers]);
    expect(reply.payloads[1]?.attachment).toMatchObject({ title: 'Oversigt', contentType: 'application/pdf', data: undefined });
    expect(reply.payloads[0]).toMatchObject({ text: previous.payloads[0]?.text, author: { family: 'Burns' }, authorPhone: '38683868', assigner: { sor: previous.sender?.sor } });
    expect(reply.provenances.map((p) => [p.activity, p.messageHeaderId])).toEqual([
      ['new-message', previous.messageHeaderId],
      ['reply-message', reply.messageHeaderId],
    ]);
    expect(reply.provenances[0]?.resourceId).toBe(previous.provenances[0]?.resourceId);
    // The previous specific sender (a team) becomes the specific recipient (medcom-careCommunication-12 holds).
    expect(reply.specificRecipient).toMatchObject({ kind: 'CareTeam', name: 'Team +80 år', organisation: { sor: previous.sender?.sor } });
  });

  it('carries the episode of care on', async () => {
    const { bundle } = await builtAndValid(replyTo('S-Tek-B-new-episodeOfCare'));
    expect(readCareCommunication(bundle)).toMatchObject({
      episodeOfCare: { value: 'urn:uuid:39e3e169-9ece-4ba4-bd24-2e0fbeebc333' },
      encounter: { status: 'finished', class: { code: 'IMP' } },
    });
  });

  it('to a message that was itself a reply or forward keeps all its history (R-C-forward), and a reply with a PDF is valid', async () => {
    const { bundle } = await builtAndValid(replyTo('R-C-forward', { attachment: { title: 'Status', data: PDF_BASE64 } }));
    expect(readCareCommunication(bundle).provenances.map((p) => p.activity)).toEqual(['forward-message', 'new-message', 'reply-message']);
  });

  it('to a message Samkraft built reads back as it was built (round trip)', async () => {
    const first = buildCareCommunication(newMessageInput({ attachment: { title: 'Afslutningsnotat', data: PDF_BASE64 } }));
    const asReceived = readCareCommunication(first.bundle);
    const { bundle } = await builtAndValid(
      newMessageInput({ kind: 'reply', previous: asReceived, sender: GP_CLINIC, receiver: BALLERUP, category: undefined, ids: counterIds(), author: { given: ['Lene'], family: 'Læge', role: { system: undefined, code: 'overlaege' }, phone: '35 35 35 35' } }),
    );
    expect(readCareCommunication(bundle).payloads).toHaveLength(3);
  });

  it('forward starts a new thread with the chosen earlier payloads, their content included', async () => {
    const previous = readCareCommunication(careCommunicationFixture('R-A-new'));
    const { bundle, threadId } = await builtAndValid(
      newMessageInput({
        kind: 'forward',
        previous,
        forwardPayloads: [previous.payloads[1]?.identifier ?? ''],
        sender: organisationInput(previous.receiver)!,
        receiver: GP_CLINIC,
        category: undefined,
        text: 'Til orientering.',
      }),
    );
    const forward = readCareCommunication(bundle);
    expect(threadId).not.toBe(previous.threadId);
    expect(forward.activity).toBe('forward-message');
    expect(forward.precedingMessageHeaderId).toBe(previous.messageHeaderId);
    expect(forward.payloads.map((p) => p.identifier)).toEqual([previous.payloads[1]?.identifier, forward.provenances.at(-1)?.payloadIdentifiers[0]]);
    expect(forward.payloads[0]?.attachment?.data).toBe(previous.payloads[1]?.attachment?.data);
  });
});

describe('the reader round-trips the builder', () => {
  it('gives back what the message was built from', () => {
    const input = newMessageInput({ attachment: { title: 'Afslutningsnotat', data: PDF_BASE64 } });
    const built = buildCareCommunication(input);
    const model = readCareCommunication(built.bundle);
    expect(model).toMatchObject({
      bundleId: built.bundleId,
      timestamp: '2026-03-02T09:30:00Z',
      messageHeaderId: built.messageHeaderId,
      sender: { ...BALLERUP },
      senderEndpoint: `https://sor2.sum.dsdn.dk/#id=${BALLERUP.sor}`,
      receiver: { ...GP_CLINIC },
      receiverEndpoint: `https://sor2.sum.dsdn.dk/#id=${GP_CLINIC.sor}`,
      patient: { cpr: '2509479989', given: ['Bruno'], family: 'Elmer' },
      threadId: built.threadId,
      category: 'training',
      topic: 'Afslutningsnotat',
      activity: 'new-message',
    });
    expect(model.payloads).toEqual([
      expect.objectContaining({ identifier: built.payloadIdentifiers[0], text: input.text, date: '2026-03-02T09:30:00Z', authorPhone: '+4544771000', author: expect.objectContaining({ given: ['Mette'], family: 'Fys', role: { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ', code: 'fysioterapeut' } }) }),
      expect.objectContaining({ identifier: built.payloadIdentifiers[1], attachment: expect.objectContaining({ title: 'Afslutningsnotat', contentType: 'application/pdf', data: PDF_BASE64 }) }),
    ]);
    expect(model.provenances).toEqual([expect.objectContaining({ activity: 'new-message', messageHeaderId: built.messageHeaderId, payloadIdentifiers: built.payloadIdentifiers, agent: expect.objectContaining({ sor: BALLERUP.sor }) })]);
  });
});

describe('resendMessage', () => {
  it('gives the same message a new envelope id and sent time, everything else identical, and it stays valid', async () => {
    const { bundle } = buildCareCommunication(newMessageInput({ attachment: { title: 'Afslutningsnotat', data: PDF_BASE64 } }));
    const again = resendMessage(bundle, { sentAt: new Date('2026-03-02T10:00:00Z'), bundleId: 'b2a4c8e0-0000-4000-8000-000000000099' });
    expect(again.id).toBe('b2a4c8e0-0000-4000-8000-000000000099');
    expect(again.timestamp).toBe('2026-03-02T10:00:00Z');
    expect({ ...again, id: bundle.id, timestamp: bundle.timestamp }).toEqual(bundle);
    expect(bundle.timestamp).toBe('2026-03-02T09:30:00Z');
    expect((await validateCareCommunication(again)).issues).toEqual([]);
    // Without an id given, a fresh UUID.
    expect(resendMessage(bundle, { sentAt: new Date() }).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
