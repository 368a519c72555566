import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingOverview } from '@samkraft/contracts/closings';
import type { CourseMessageList } from '@samkraft/contracts/messaging';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { listMigrations } from '../../platform/database/migrate.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, anOrganisation, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { acknowledgedMessageOf, buildAcknowledgement } from '../medcom/acknowledgement-builder.ts';
import { readCareCommunication } from '../medcom/carecommunication-reader.ts';
import { validateCareCommunication } from '../medcom/medcom-validation.ts';
import { fileDropFolders, fileDropTransport } from '../messaging/file-drop.transport.ts';
import { runMessagingPasses } from '../messaging/messaging-runner.ts';

// Gladsaxe's unit and the GP clinic carry SOR codes and GLNs of MedCom's test messages.
const UNIT = { sorCode: '330461000016004', gln: '5790001353308', name: 'Gladsaxe Kommune, Kræftrehabilitering' };
const GP = { sor: '325371000016006', gln: '5790000120314', name: 'Lægerne i Søborg' };
const BRUNO = '2509479989'; // official test person

let database: Database;
let app: App;
let contact: SignedInClient;
let root: string;
let electronicCourse: string;
let manualCourse: string;
let now = new Date('2026-11-22T10:05:00Z');
const clock: Clock = { now: () => new Date(now) };
const passes = () => runMessagingPasses({ db: database.db, clock, transport: fileDropTransport(root) });
const outFiles = () => fs.readdirSync(fileDropFolders(root).out).filter((f) => !f.startsWith('.')).sort();
const readOut = (f: string) => JSON.parse(fs.readFileSync(path.join(fileDropFolders(root).out, f), 'utf8')) as FhirBundle;

async function courseReadyToSend(db: Database['db'], o: { contactPersonId: string; gpId: string; cpr?: string }): Promise<string> {
  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bruno', familyName: 'Elmer', sex: 'M', birthDate: '1947-09-25', ...(o.cpr ? { cpr: o.cpr } : {}) });
  await db.updateTable('citizen').set({ gp_organisation_id: o.gpId }).where('id', '=', citizenId).execute();
  return (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-06-01', contactPersonId: o.contactPersonId })).courseId;
}

async function writeNote(courseId: string) {
  const conversation = { heldOn: '2026-11-20', evaluation: 'Målene er nået.', planOnward: null, citizenExperience: null, questionnaire: 'not_asked', satisfaction: null, benefit: null, endAssessmentId: null };
  expect((await app.inject({ method: 'PUT', url: `/api/courses/${courseId}/closing/conversation`, headers: contact.headers, payload: conversation })).statusCode).toBe(200);
  const body = 'Kære læge\n\nBruno har afsluttet sit rehabiliteringsforløb.\n\nMed venlig hilsen';
  expect((await app.inject({ method: 'PUT', url: `/api/courses/${courseId}/closing/note`, headers: contact.headers, payload: { body } })).statusCode).toBe(200);
}
const send = (courseId: string, sentOn = '2026-11-22') =>
  app.inject({ method: 'POST', url: `/api/courses/${courseId}/closing/note/send`, headers: contact.headers, payload: { sentOn, toGp: true, toHospital: false, hospitalDepartmentId: null, hospitalConsent: false } });
const overview = async (courseId: string) => (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/closing`, headers: contact.headers })).json<ClosingOverview>();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await db.insertInto('organisation').values({ kind: 'municipal_unit', name: UNIT.name, sor_code: UNIT.sorCode, ean: UNIT.gln, municipality_code: '0159', phone: '39 57 50 00' }).execute();
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt', profession: 'physiotherapist' });
  const gpId = await anOrganisation(db, { kind: 'gp_clinic', name: GP.name, sorCode: GP.sor, gln: GP.gln });
  const plainGpId = await anOrganisation(db, { kind: 'gp_clinic', name: 'Lægehuset uden lokationsnummer', ydernummer: '012345' });
  electronicCourse = await courseReadyToSend(db, { contactPersonId: contactId, gpId, cpr: BRUNO });
  manualCourse = await courseReadyToSend(db, { contactPersonId: contactId, gpId: plainGpId });
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-closing-'));
  fs.mkdirSync(fileDropFolders(root).in, { recursive: true });
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the closing note to the GP as a MedCom CareCommunication', () => {
  it('says the note goes electronically where the unit and the GP have SOR and GLN, and why not elsewhere', async () => {
    await writeNote(electronicCourse);
    await writeNote(manualCourse);
    expect((await overview(electronicCourse)).channel).toEqual({ electronic: true, reason: null, senderReady: true });
    // That citizen has no CPR number: nothing goes electronically from his course.
    expect((await overview(manualCourse)).channel).toEqual({ electronic: false, reason: 'gp_not_addressable', senderReady: false });
  });

  it('is dated today when sent electronically', async () => {
    const res = await send(electronicCourse, '2026-11-21');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([expect.objectContaining({ field: 'sentOn', code: 'past_date' })]);
  });

  it('goes out as a CareCommunication that passes the validators, is sent, and is delivered on a positive acknowledgement', async () => {
    const res = await send(electronicCourse);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClosingOverview>()).toMatchObject({ note: { sentOn: '2026-11-22', sentToGp: true }, closedOn: '2026-11-22', message: { kind: 'care_communication', state: 'queued', sends: 0 } });

    await passes();
    const [file] = outFiles();
    expect(file).toMatch(/^care-communication-[0-9a-f-]{36}\.json$/);
    const message = readOut(file!);
    const validation = await validateCareCommunication(message);
    expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    const read = readCareCommunication(message);
    expect(read).toMatchObject({
      category: 'carecoordination',
      topic: 'Afslutningsnotat',
      sender: { sor: UNIT.sorCode, gln: UNIT.gln },
      receiver: { sor: GP.sor, gln: GP.gln },
      patient: { cpr: BRUNO, family: 'Elmer', given: ['Bruno'] },
    });
    expect(read.payloads[0]).toMatchObject({ text: expect.stringContaining('Bruno har afsluttet'), authorPhone: '39 57 50 00', author: { family: 'Kontakt', role: { code: 'fysioterapeut' } } });
    expect(read.payloads[1]?.attachment).toMatchObject({ contentType: 'application/pdf', title: 'Afslutningsnotat' });
    expect(Buffer.from(read.payloads[1]?.attachment?.data ?? '', 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await overview(electronicCourse)).message).toMatchObject({ state: 'sent', sends: 1 });

    // The GP's system answers ok; the inbox marks the note delivered.
    const acknowledged = acknowledgedMessageOf(message)!;
    const ack = buildAcknowledgement({ code: 'ok', acknowledged, us: GP, sentAt: clock.now() }).bundle;
    fs.writeFileSync(path.join(fileDropFolders(root).in, 'ack.json'), JSON.stringify(ack));
    await passes();
    expect((await overview(electronicCourse)).message).toMatchObject({ state: 'delivered', acknowledgementCode: 'ok' });

    const list = (await app.inject({ method: 'GET', url: `/api/courses/${electronicCourse}/messages`, headers: contact.headers })).json<CourseMessageList>();
    expect(list.items.map((m) => [m.direction, m.kind, m.state])).toEqual(expect.arrayContaining([['out', 'care_communication', 'delivered'], ['in', 'acknowledgement', 'accepted']]));
  }, 60_000);

  it('a note sent before its messages were linked (migration 0034) gets its GP message back from 0035', async () => {
    const before = (await overview(electronicCourse)).message;
    await database.db.updateTable('closing_note').set({ gp_message_id: null }).where('course_id', '=', electronicCourse).execute();
    expect((await overview(electronicCourse)).message).toBeNull();
    const backfill = listMigrations().find((m) => m.name.startsWith('0035_'));
    await database.withScriptRunner((run) => run(backfill!.sql));
    expect((await overview(electronicCourse)).message).toEqual(before);
  });

  it('keeps the manual path where the GP has no SOR code and GLN: marked sent, nothing queued', async () => {
    const res = await send(manualCourse);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClosingOverview>()).toMatchObject({ note: { sentOn: '2026-11-22', sentToGp: true }, message: null, channel: { electronic: false, reason: 'gp_not_addressable' } });
  });

  it('is resent after 30 minutes without acknowledgement, at most twice, then shown failed with the reason in Danish', async () => {
    // Another course of the same GP, sent now, never acknowledged.
    const db = database.db;
    const contactId = (await db.selectFrom('staff_user').select('id').where('display_name', '=', 'Karen Kontakt').executeTakeFirstOrThrow()).id;
    const gpId = (await db.selectFrom('organisation').select('id').where('sor_code', '=', GP.sor).executeTakeFirstOrThrow()).id;
    const courseId = await courseReadyToSend(db, { contactPersonId: contactId, gpId, cpr: '0201919990' });
    await writeNote(courseId);
    expect((await send(courseId)).statusCode).toBe(200);
    for (const f of outFiles()) fs.unlinkSync(path.join(fileDropFolders(root).out, f));
    await passes();
    for (let i = 0; i < 2; i++) {
      now = new Date(now.getTime() + 30 * 60_000);
      await passes();
    }
    expect(outFiles()).toHaveLength(3);
    expect((await overview(courseId)).message).toMatchObject({ state: 'sent', sends: 3 });
    now = new Date(now.getTime() + 30 * 60_000);
    await passes();
    expect(outFiles()).toHaveLength(3);
    expect((await overview(courseId)).message).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^Ingen kvittering fra modtageren efter 3 forsendelser/) });
  }, 60_000);

  it('goes to a hospital department with SOR and GLN electronically too, each message with its own state — and the course’s other correspondence is not the note', async () => {
    const db = database.db;
    const contactId = (await db.selectFrom('staff_user').select('id').where('display_name', '=', 'Karen Kontakt').executeTakeFirstOrThrow()).id;
    const gpId = (await db.selectFrom('organisation').select('id').where('sor_code', '=', GP.sor).executeTakeFirstOrThrow()).id;
    const hospitalId = await anOrganisation(db, { kind: 'hospital', name: 'Herlev og Gentofte Hospital' });
    const departmentId = await anOrganisation(db, { kind: 'hospital_department', name: 'Hjerteafdelingen', parentId: hospitalId, sorCode: '265161000016000', gln: '5790000209354' });
    const plainDepartmentId = await anOrganisation(db, { kind: 'hospital_department', name: 'Afdeling uden lokationsnummer', parentId: hospitalId });
    const courseId = await courseReadyToSend(db, { contactPersonId: contactId, gpId, cpr: '0201919996' });
    // A letter to the GP written from the course before the note.
    const letter = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/messages`, headers: contact.headers, payload: { activity: 'new', receiverOrganisationId: gpId, category: 'training', text: 'Et spørgsmål om træningen.' } });
    expect(letter.statusCode, letter.body).toBe(201);
    await writeNote(courseId);
    expect((await overview(courseId)).message).toBeNull();
    const payload = { sentOn: '2026-11-22', toGp: true, toHospital: true, hospitalDepartmentId: departmentId, hospitalConsent: true };
    const res = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/closing/note/send`, headers: contact.headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json<ClosingOverview>();
    expect(sent.message).toMatchObject({ state: 'queued', receiverId: GP.gln });
    expect(sent.hospitalMessage).toMatchObject({ state: 'queued', receiverId: '5790000209354' });
    expect(sent.message?.id).not.toBe(letter.json<{ id: string }>().id);
    const audits = await db.selectFrom('audit_event').select('detail').where('action', '=', 'closing.note_send').where('entity_type', '=', 'closing_note').execute();
    expect(audits.at(-1)?.detail).toMatchObject({ gpElectronically: true, hospitalElectronically: true });

    // A department without SOR and GLN: the note is marked sent to it by hand, the GP's goes electronically.
    const other = await courseReadyToSend(db, { contactPersonId: contactId, gpId, cpr: '0201919995' });
    await writeNote(other);
    const manual = await app.inject({ method: 'POST', url: `/api/courses/${other}/closing/note/send`, headers: contact.headers, payload: { ...payload, hospitalDepartmentId: plainDepartmentId } });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json<ClosingOverview>()).toMatchObject({ note: { sentToHospital: true }, message: { state: 'queued' }, hospitalMessage: null });
  }, 60_000);
});
