import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseMessage, CourseMessageList, MessageRecipients, UnmatchedMessageCount, UnmatchedMessageList } from '@samkraft/contracts/messaging';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, anOrganisation, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { buildCareCommunication } from '../medcom/carecommunication-builder.ts';
import { readCareCommunication } from '../medcom/carecommunication-reader.ts';
import { PDF_BASE64 } from '../medcom/medcom.test-helpers.ts';
import { validateCareCommunication } from '../medcom/medcom-validation.ts';

/*
 * The course's correspondence: reading its messages (audited, home municipality only), writing a
 * new message, a reply and a forward (validated by MedCom's profile and both base validators, with
 * Provenance new/reply/forward naming the earlier message), field errors that write nothing, an
 * attachment downloaded (audited), and the unmatched inbox's candidate courses and count.
 */

const TOKEN = 'a-shared-token-of-the-network-proxy-0123456789';
// SOR codes and GLNs of MedCom's test messages (demo-organisations.data.ts).
const UNIT = { sor: '330461000016004', gln: '5790001353308', name: 'Gladsaxe Kommune, Kræftrehabilitering' };
const GP = { sor: '325371000016006', gln: '5790000120314', name: 'Lægerne i Søborg' };
const DEPARTMENT = { sor: '265161000016000', gln: '5790000209354', name: 'Hjerteafdelingen' };
const BRUNO = '2509479989'; // official test person
const EINER = '0201609995'; // official test person, no citizen of Gladsaxe here

let database: Database;
let app: App;
let contact: SignedInClient;
let therapist: SignedInClient;
let otherMunicipality: SignedInClient;
let provider: SignedInClient;
let admin: SignedInClient;
let courseId: string;
let gpId: string;
let departmentId: string;
let plainDepartmentId: string;

const url = (path = '') => `/api/courses/${courseId}/messages${path}`;
const write = (body: Record<string, unknown>, who = contact) => app.inject({ method: 'POST', url: url(), headers: who.headers, payload: body });
const list = async (who = contact) => (await app.inject({ method: 'GET', url: url(), headers: who.headers })).json<CourseMessageList>().items;
const messageCount = async () => (await database.db.selectFrom('message').select('id').execute()).length;
const auditsOf = (action: string) => database.db.selectFrom('audit_event').select(['citizen_id', 'outcome', 'entity_id', 'detail']).where('action', '=', action).execute();
const payloadOf = async (id: string) => JSON.parse(Buffer.from((await database.db.selectFrom('message').select('payload').where('id', '=', id).executeTakeFirstOrThrow()).payload).toString('utf8')) as FhirBundle;

/** A CareCommunication from the GP to Gladsaxe's unit about a person, with a PDF attached, posted as the health network does. */
async function receiveFromGp(cpr: string, text: string): Promise<void> {
  const built = buildCareCommunication({
    kind: 'new',
    sender: GP,
    receiver: UNIT,
    patient: { identifier: { kind: 'cpr', value: cpr }, family: 'Elmer', given: ['Bruno'] },
    category: 'examination-results',
    topic: 'Blodprøvesvar',
    text,
    attachment: { title: 'Blodprøver', data: PDF_BASE64, contentType: 'application/pdf' },
    author: { given: ['Lise'], family: 'Læge', role: { text: 'Læge' }, phone: '+4544000000' },
    sentAt: new Date('2026-11-22T08:00:00Z'),
  });
  const res = await app.inject({ method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${TOKEN}` }, payload: JSON.stringify(built.bundle) });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await db.insertInto('organisation').values({ kind: 'municipal_unit', name: UNIT.name, sor_code: UNIT.sor, ean: UNIT.gln, municipality_code: '0159', phone: '39 57 50 00' }).execute();
  gpId = await anOrganisation(db, { kind: 'gp_clinic', name: GP.name, sorCode: GP.sor, gln: GP.gln });
  const hospitalId = await anOrganisation(db, { kind: 'hospital', name: 'Herlev og Gentofte Hospital' });
  departmentId = await anOrganisation(db, { kind: 'hospital_department', name: DEPARTMENT.name, parentId: hospitalId, sorCode: DEPARTMENT.sor, gln: DEPARTMENT.gln });
  plainDepartmentId = await anOrganisation(db, { kind: 'hospital_department', name: 'Afdeling uden lokationsnummer', parentId: hospitalId });
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt', profession: 'nurse' });
  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bruno Test', familyName: 'Elmer', sex: 'M', birthDate: '1947-09-25', cpr: BRUNO });
  await db.updateTable('citizen').set({ gp_organisation_id: gpId }).where('id', '=', citizenId).execute();
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  app = await createTestApp(database, { messaging: { token: TOKEN, limitPerMinute: 1000 } });
  contact = await signIn(app, contactId);
  therapist = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] }));
  otherMunicipality = await signIn(app, await aStaffUser(db, { municipalityCode: '0157', roles: ['contact_person'] }));
  provider = await signIn(app, await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'] }));
  admin = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] }));
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('whom the course writes to', () => {
  it("offers the citizen's GP and the hospital departments, each with whether it can receive electronically", async () => {
    const res = await app.inject({ method: 'GET', url: url('/recipients'), headers: contact.headers });
    expect(res.statusCode, res.body).toBe(200);
    const recipients = res.json<MessageRecipients>();
    expect(recipients.blocked).toBeNull();
    expect(recipients.gp).toMatchObject({ organisationId: gpId, name: GP.name, addressable: true });
    expect(recipients.departments).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisationId: departmentId, addressable: true }), expect.objectContaining({ organisationId: plainDepartmentId, addressable: false })]),
    );
  });
});

describe('writing from the course', () => {
  it('refuses bad input naming each field, and writes nothing (the refusal audited)', async () => {
    const before = await messageCount();
    const empty = await write({ activity: 'new', text: '  ' });
    expect(empty.statusCode).toBe(400);
    const fields = empty.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields;
    expect(fields.map((f) => `${f.field}:${f.code}`).sort()).toEqual(['category:required', 'receiverOrganisationId:required', 'text:required']);
    const plain = await write({ activity: 'new', receiverOrganisationId: plainDepartmentId, category: 'training', text: 'Hej' });
    expect(plain.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([expect.objectContaining({ field: 'receiverOrganisationId', code: 'not_addressable' })]);
    const other = await write({ activity: 'new', receiverOrganisationId: gpId, category: 'other', text: 'Hej' });
    expect(other.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([expect.objectContaining({ field: 'topic', code: 'required' })]);
    const badCategory = await write({ activity: 'new', receiverOrganisationId: gpId, category: 'gossip', text: 'Hej' });
    expect(badCategory.statusCode).toBe(400);
    const reply = await write({ activity: 'reply', category: 'training', text: 'Hej' });
    expect(reply.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([expect.objectContaining({ field: 'previousMessageId', code: 'required' })]);
    expect(await messageCount()).toBe(before);
    expect((await auditsOf('message.write')).filter((a) => a.outcome === 'denied').length).toBeGreaterThanOrEqual(4);
  });

  it('refuses other municipalities, providers, therapists (write) and administrators', async () => {
    const body = { activity: 'new', receiverOrganisationId: gpId, category: 'training', text: 'Hej' };
    expect((await write(body, otherMunicipality)).statusCode).toBe(403);
    expect((await write(body, provider)).statusCode).toBe(403);
    expect((await write(body, therapist)).statusCode).toBe(403);
    expect((await write(body, admin)).statusCode).toBe(403);
    for (const who of [otherMunicipality, provider, admin]) expect((await app.inject({ method: 'GET', url: url(), headers: who.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: url('/recipients'), headers: provider.headers })).statusCode).toBe(403);
  });

  it("queues a new message to the GP, valid by MedCom's profile, shown on the course at once (audited)", async () => {
    const res = await write({ activity: 'new', receiverOrganisationId: gpId, category: 'training', topic: 'Træning', text: 'Bruno er startet på holdtræning.' });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json<CourseMessage>();
    expect(sent).toMatchObject({ direction: 'out', state: 'queued', counterpartName: GP.name, category: 'training', topic: 'Træning', activity: 'new', texts: [expect.objectContaining({ text: 'Bruno er startet på holdtræning.', authorName: 'Karen Kontakt' })] });
    const bundle = await payloadOf(sent.id);
    const validation = await validateCareCommunication(bundle);
    expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    expect(readCareCommunication(bundle)).toMatchObject({ activity: 'new-message', sender: { sor: UNIT.sor }, receiver: { sor: GP.sor }, patient: { cpr: BRUNO } });
    expect((await list())[0]).toMatchObject({ id: sent.id, state: 'queued' });
    const audits = (await auditsOf('message.write')).filter((a) => a.outcome === 'allowed');
    expect(audits.at(-1)).toMatchObject({ entity_id: sent.id, citizen_id: expect.any(String), detail: expect.objectContaining({ activity: 'new' }) });
    expect((await auditsOf('message.course_list')).at(-1)?.citizen_id).toEqual(audits.at(-1)?.citizen_id);
  });
});

describe('received messages: read, reply, forward, attachments', () => {
  let received: CourseMessage;

  it('shows a received message on the course with its sender, texts and attachment; a therapist of the municipality reads it too', async () => {
    await receiveFromGp(BRUNO, 'Blodprøverne er normale.');
    const items = await list(therapist);
    received = items.find((m) => m.direction === 'in' && m.kind === 'care_communication')!;
    expect(received).toMatchObject({ state: 'accepted', counterpartName: GP.name, category: 'examination-results', topic: 'Blodprøvesvar', canReply: true, texts: [expect.objectContaining({ text: 'Blodprøverne er normale.' })] });
    expect(received.attachments).toEqual([expect.objectContaining({ index: 0, title: 'Blodprøver', contentType: 'application/pdf', downloadable: true })]);
  });

  it('downloads the attachment (audited), for the home municipality only', async () => {
    const path = url(`/${received.id}/attachments/0`);
    const res = await app.inject({ method: 'GET', url: path, headers: contact.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await auditsOf('message.attachment')).map((a) => [a.entity_id, a.outcome])).toEqual([[received.id, 'allowed']]);
    expect((await app.inject({ method: 'GET', url: path, headers: otherMunicipality.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: url(`/${received.id}/attachments/1`), headers: contact.headers })).statusCode).toBe(404);
  });

  it('replies to the sender, keeping the thread, with a reply Provenance naming the received message', async () => {
    const res = await write({ activity: 'reply', previousMessageId: received.id, text: 'Tak for svaret.' });
    expect(res.statusCode, res.body).toBe(201);
    const reply = res.json<CourseMessage>();
    expect(reply).toMatchObject({ activity: 'reply', counterpartName: GP.name, category: 'examination-results' });
    const bundle = await payloadOf(reply.id);
    const validation = await validateCareCommunication(bundle);
    expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    const model = readCareCommunication(bundle);
    const previous = readCareCommunication(await payloadOf(received.id));
    expect(model).toMatchObject({ activity: 'reply-message', precedingMessageHeaderId: previous.messageHeaderId, threadId: previous.threadId, receiver: { sor: GP.sor } });
    expect(model.payloads.map((p) => p.text).filter(Boolean)).toEqual(['Blodprøverne er normale.', 'Tak for svaret.']);
  }, 30_000);

  it('forwards the received message to a hospital department with a forward Provenance; a reply to a sent message is refused', async () => {
    const res = await write({ activity: 'forward', previousMessageId: received.id, receiverOrganisationId: departmentId, text: 'Til orientering.' });
    expect(res.statusCode, res.body).toBe(201);
    const forward = res.json<CourseMessage>();
    expect(forward).toMatchObject({ activity: 'forward', counterpartName: `Herlev og Gentofte Hospital, ${DEPARTMENT.name}` });
    const bundle = await payloadOf(forward.id);
    const validation = await validateCareCommunication(bundle);
    expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    const model = readCareCommunication(bundle);
    expect(model).toMatchObject({ activity: 'forward-message', precedingMessageHeaderId: readCareCommunication(await payloadOf(received.id)).messageHeaderId, receiver: { sor: DEPARTMENT.sor } });
    expect(model.payloads.find((p) => p.attachment)?.attachment?.data).toBe(PDF_BASE64);

    const sentOne = (await list()).find((m) => m.direction === 'out' && m.activity === 'new')!;
    const refused = await write({ activity: 'reply', previousMessageId: sentOne.id, text: 'Hej' });
    expect(refused.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([expect.objectContaining({ field: 'previousMessageId', code: 'not_course_message' })]);
  }, 30_000);
});

describe('received messages no course was found for', () => {
  it('counts them, and offers the courses of the citizen the message names to place it on', async () => {
    // Bruno has one open course, so a message about him lands there; one about Einer (no citizen here) waits.
    await receiveFromGp(EINER, 'Om en borger, Samkraft ikke kender.');
    const count = await app.inject({ method: 'GET', url: '/api/messages/unmatched/count', headers: contact.headers });
    expect(count.json<UnmatchedMessageCount>()).toEqual({ count: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/messages/unmatched/count', headers: therapist.headers })).statusCode).toBe(403);
    const items = (await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: contact.headers })).json<UnmatchedMessageList>().items;
    expect(items).toEqual([expect.objectContaining({ patientIdentifier: '020160-9995', candidateCourses: [] })]);

    // Closing Bruno's only course makes the next message about him wait, with his course offered.
    await database.db.updateTable('course').set({ closed_on: '2026-11-22', close_reason: 'completed' }).where('id', '=', courseId).execute();
    await receiveFromGp(BRUNO, 'Endnu et svar.');
    const waiting = (await app.inject({ method: 'GET', url: '/api/messages/unmatched', headers: contact.headers })).json<UnmatchedMessageList>().items;
    const bruno = waiting.find((m) => m.patientIdentifier === '250947-9989');
    expect(bruno?.candidateCourses).toEqual([expect.objectContaining({ courseId, citizenName: 'Bruno Test Elmer', closedOn: '2026-11-22' })]);
    const audits = await auditsOf('message.unmatched_list');
    expect(audits.filter((a) => a.entity_id === bruno?.id).at(-1)?.citizen_id).toEqual(expect.any(String));
  }, 30_000);
});
