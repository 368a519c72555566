import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingNoteDraft, ClosingOverview } from '@samkraft/contracts/closings';
import type { CourseDeadlines } from '@samkraft/contracts/deadlines';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

let database: Database;
let app: App;
let contact: SignedInClient;
let therapist: SignedInClient;
let ballerup: SignedInClient;
let contactId: string;
let therapistId: string;
let ballerupId: string;
let courseId: string;
let closedCourseId: string;
let endAssessmentId: string;
let departmentId: string;
let gpId: string;

type ErrorBody = { error: { code: string; fields: { field: string; code: string }[] } };
const fieldsOf = (body: string) => (JSON.parse(body) as ErrorBody).error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0240', 'Egedal');
  await aMunicipality(db, '0151', 'Ballerup');
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  therapistId = await aStaffUser(db, { municipalityCode: '0240', roles: ['therapist'] });
  ballerupId = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person', 'municipal_lead'] });
  gpId = (await db.insertInto('organisation').values({ kind: 'gp_clinic', name: 'Lægehuset Testvej' }).returning('id').executeTakeFirstOrThrow()).id;
  const hospital = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Testhospitalet' }).returning('id').executeTakeFirstOrThrow()).id;
  departmentId = (await db.insertInto('organisation').values({ kind: 'hospital_department', name: 'Urologisk afdeling', parent_id: hospital }).returning('id').executeTakeFirstOrThrow()).id;

  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bent', familyName: 'Testborger', sex: 'M' });
  await db.updateTable('citizen').set({ gp_organisation_id: gpId }).where('id', '=', citizenId).execute();
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-06-01', contactPersonId: contactId })).courseId;
  const plan = await db
    .insertInto('action_plan')
    .values({ course_id: courseId, version: 1, agreed_on: '2026-06-08', difficulties_and_needs: 'Inkontinens', purpose_and_content: 'Bækkenbundstræning på hold', location: 'Egedal', first_follow_up_on: '2026-07-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('plan_goal').values({ action_plan_id: plan.id, ordinal: 1, description: 'Gå en tur uden uheld', status: 'reached' }).execute();
  await db.insertInto('action_plan_responsibility').values({ action_plan_id: plan.id, ordinal: 1, part: 'Koordinering', responsible: 'Karen Kontakt' }).execute();
  await anIntervention(db, 'pelvic');
  const offeringId = await anOffering(db, { interventionCode: 'pelvic', hostMunicipalityCode: '0240' });
  const xref = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'pelvic', providerMunicipalityCode: '0240', receivedOn: '2026-06-10' });
  await db
    .updateTable('cross_referral')
    .set({ provider_decision: 'accepted', provider_contact_on: '2026-06-11', started_on: '2026-06-20', ended_on: '2026-10-30', end_reason: 'completed', attendances_recorded: 22 })
    .where('id', '=', xref)
    .execute();
  await db
    .insertInto('status_note')
    .values({ cross_referral_id: xref, kind: 'end', written_on: '2026-10-30', body: 'Forløbet er gennemført som planlagt.', course_end_on: '2026-10-30', attendance_count: 22, goals_reached: 'Målet er nået.' })
    .execute();
  endAssessmentId = (
    await db.insertInto('needs_assessment').values({ course_id: courseId, occasion: 'end', assessed_on: '2026-11-20', scale_score: 7 }).returning('id').executeTakeFirstOrThrow()
  ).id;

  // A course closed earlier (the citizen declined); sending its note keeps that closing.
  const other = await aCitizen(db, { homeMunicipalityCode: '0159' });
  closedCourseId = (await aReferralWithCourse(db, { citizenId: other, homeMunicipalityCode: '0159', receivedOn: '2026-06-01', contactPersonId: contactId })).courseId;
  await db.updateTable('course').set({ closed_on: '2026-09-01', close_reason: 'declined' }).where('id', '=', closedCourseId).execute();

  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  therapist = await signIn(app, therapistId);
  ballerup = await signIn(app, ballerupId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const url = (path = '', id = courseId) => `/api/courses/${id}/closing${path}`;
const goodConversation = {
  heldOn: '2026-11-20',
  evaluation: 'Målene i handleplanen er nået.',
  planOnward: 'Fortsætter med træning i lokal forening.',
  citizenExperience: 'Glad for holdet.',
  questionnaire: 'answered',
  satisfaction: 5,
  benefit: 4,
  endAssessmentId: null as string | null,
};

describe('closing conversation', () => {
  it('shows the end needs assessments to link and the GP, with nothing recorded yet', async () => {
    const res = await app.inject({ method: 'GET', url: url(), headers: contact.headers });
    expect(res.statusCode, res.body).toBe(200);
    const overview = res.json<ClosingOverview>();
    expect(overview).toMatchObject({ conversation: null, note: null, closedOn: null, receivedOn: '2026-06-01', gp: { id: gpId, name: 'Lægehuset Testvej' } });
    expect(overview.endAssessments).toEqual([{ id: endAssessmentId, assessedOn: '2026-11-20', scaleScore: 7 }]);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const shape = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, evaluation: ' ', satisfaction: 6 } });
    expect(shape.statusCode).toBe(400);
    expect(fieldsOf(shape.body).map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['evaluation', 'satisfaction']));
    const future = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, heldOn: '2026-11-23' } });
    expect(fieldsOf(future.body)).toEqual(['heldOn:future_date']);
    const missing = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, benefit: null } });
    expect(fieldsOf(missing.body)).toEqual(['benefit:required']);
    const declined = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, questionnaire: 'declined' } });
    expect(fieldsOf(declined.body)).toEqual(['satisfaction:answers_not_allowed', 'benefit:answers_not_allowed']);
    const notEnd = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, endAssessmentId: gpId } });
    expect(fieldsOf(notEnd.body)).toEqual(['endAssessmentId:not_end_assessment']);
    expect(await database.db.selectFrom('closing_conversation').selectAll().execute()).toEqual([]);
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.filter((e) => e.action === 'closing.conversation' && e.outcome === 'denied')).toHaveLength(4);
  });

  it('records the conversation with the questionnaire and the end assessment, and meets the deadline', async () => {
    const res = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, endAssessmentId } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClosingOverview>().conversation).toMatchObject({
      heldOn: '2026-11-20',
      questionnaire: 'answered',
      satisfaction: 5,
      benefit: 4,
      endAssessment: { id: endAssessmentId, assessedOn: '2026-11-20', scaleScore: 7 },
      recordedBy: 'Karen Kontakt',
    });
    const deadlines = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/deadlines`, headers: contact.headers })).json<CourseDeadlines>();
    expect(deadlines.deadlines.find((d) => d.kind === 'closing_conversation')).toMatchObject({ clockStartedOn: '2026-10-30', dueOn: '2026-11-30', metOn: '2026-11-20', state: 'met' });
  });

  it('corrects the conversation: a citizen who declined the questionnaire keeps no answers', async () => {
    const res = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, questionnaire: 'declined', satisfaction: null, benefit: null, endAssessmentId } });
    expect(res.statusCode, res.body).toBe(200);
    const row = await database.db.selectFrom('closing_conversation').selectAll().where('course_id', '=', courseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ questionnaire_declined: true, satisfaction: null, benefit: null });
    const again = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, endAssessmentId } });
    expect(again.json<ClosingOverview>().conversation?.questionnaire).toBe('answered');
  });
});

describe('closing note', () => {
  it('composes a Danish draft from the plan, the intervention, the end note and the conversation', async () => {
    const res = await app.inject({ method: 'POST', url: url('/note/draft'), headers: contact.headers });
    expect(res.statusCode, res.body).toBe(200);
    const { body } = res.json<ClosingNoteDraft>();
    expect(body.startsWith('Afslutningsnotat vedrørende kræftrehabilitering for Bent Testborger.\nBorgeren blev henvist til Gladsaxe Kommune 1. juni 2026.\nEgen læge: Lægehuset Testvej.\nKontaktperson: Karen Kontakt.')).toBe(true);
    expect(body).toContain('Handleplan (version 1, aftalt 8. juni 2026)\nVanskeligheder og behov: Inkontinens\nFormål og indhold: Bækkenbundstræning på hold\nMål:\n1. Gå en tur uden uheld – nået');
    expect(body).toContain('Indsatser\n- Indsats pelvic, Egedal Kommune: startet 20. juni 2026, afsluttet 30. oktober 2026 (gennemført), fremmøde 22 gange.');
    expect(body).toContain('- Slutnotat, Indsats pelvic, 30. oktober 2026: Forløbet er gennemført som planlagt.\n  Fremmøde: 22 gange.\n  Mål nået: Målet er nået.');
    expect(body).toContain('Afsluttende samtale (20. november 2026)\nEvaluering: Målene i handleplanen er nået.\nBorgerens oplevelse af forløbet: Glad for holdet.\nAfsluttende behovsvurdering 20. november 2026, borgerens egen vurdering 7 på en skala fra 0 til 10.');
    expect(body).toContain('Plan fremover\nFortsætter med træning i lokal forening.');
    expect(await database.db.selectFrom('closing_note').selectAll().execute()).toEqual([]);
  });

  it('refuses to send a note that is not saved', async () => {
    const res = await app.inject({ method: 'POST', url: url('/note/send'), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: true, toHospital: false, hospitalDepartmentId: null, hospitalConsent: false } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['note:required']);
  });

  it('saves the edited text and prints it as a Danish PDF with the header', async () => {
    const empty = await app.inject({ method: 'PUT', url: url('/note'), headers: contact.headers, payload: { body: '' } });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.body)[0]).toMatch(/^body:/);
    const body = 'Afslutningsnotat for Bent Testborger.\n\nForløb\nBækkenbundstræning gennemført i Egedal Kommune med 22 fremmøder.';
    const res = await app.inject({ method: 'PUT', url: url('/note'), headers: contact.headers, payload: { body } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClosingOverview>().note).toMatchObject({ body, sentOn: null, editedBy: 'Karen Kontakt', sentToGp: false, sentToHospital: false });
    const pdf = await app.inject({ method: 'GET', url: url('/note/pdf'), headers: contact.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await readPdfText(pdf.rawPayload);
    expect(pages).toBe(1);
    for (const s of ['Samkraft · Gladsaxe Kommune', 'Afslutningsnotat', 'Bent Testborger', 'Pseudonym', 'Egen læge', 'Lægehuset Testvej', 'Kontaktperson', 'Karen Kontakt', '22. november 2026', 'Bækkenbundstræning gennemført i Egedal Kommune med 22 fremmøder.']) {
      expect(text).toContain(s);
    }
  });

  it("prints the contact person's work phone, or the unit's phone when she has none (issue 10.16)", async () => {
    const read = async () => (await readPdfText((await app.inject({ method: 'GET', url: url('/note/pdf'), headers: contact.headers })).rawPayload)).text.replace(/\s+/g, ' ');
    await database.db.updateTable('municipality').set({ unit_phone: '39 57 50 00' }).where('code', '=', '0159').execute();
    expect(await read()).toContain('Telefon 39 57 50 00 (kræftrehabiliteringen, Gladsaxe Kommune)');
    await database.db.updateTable('staff_user').set({ phone: '39 57 51 23' }).where('id', '=', contactId).execute();
    const text = await read();
    expect(text).toContain('Karen Kontakt, tlf. 39 57 51 23');
    expect(text).not.toContain('Telefon 39 57 50 00');
  });

  it('refuses sending to the hospital department without the citizen’s consent, and changes nothing', async () => {
    const res = await app.inject({ method: 'POST', url: url('/note/send'), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: true, toHospital: true, hospitalDepartmentId: departmentId, hospitalConsent: false } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['hospitalConsent:consent_required']);
    const wrongKind = await app.inject({ method: 'POST', url: url('/note/send'), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: false, toHospital: true, hospitalDepartmentId: gpId, hospitalConsent: true } });
    expect(fieldsOf(wrongKind.body)).toEqual(['hospitalDepartmentId:not_hospital_department']);
    const course = await database.db.selectFrom('course').select(['closed_on']).where('id', '=', courseId).executeTakeFirstOrThrow();
    expect(course.closed_on).toBeNull();
    const note = await database.db.selectFrom('closing_note').select(['sent_on']).where('course_id', '=', courseId).executeTakeFirstOrThrow();
    expect(note.sent_on).toBeNull();
  });

  it('marks the note sent to the GP and the hospital department with consent, closing the course', async () => {
    const res = await app.inject({ method: 'POST', url: url('/note/send'), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: true, toHospital: true, hospitalDepartmentId: departmentId, hospitalConsent: true } });
    expect(res.statusCode, res.body).toBe(200);
    const overview = res.json<ClosingOverview>();
    expect(overview).toMatchObject({ closedOn: '2026-11-22', closeReason: 'completed' });
    expect(overview.note).toMatchObject({
      sentOn: '2026-11-22',
      sentToGp: true,
      gp: { id: gpId, name: 'Lægehuset Testvej' },
      sentToHospital: true,
      hospitalDepartment: { id: departmentId, name: 'Testhospitalet – Urologisk afdeling' },
      hospitalConsent: true,
      sentBy: 'Karen Kontakt',
    });
  });

  it('refuses editing after sending with 409, and audits the refusal', async () => {
    const edit = await app.inject({ method: 'PUT', url: url('/note'), headers: contact.headers, payload: { body: 'Ændret' } });
    expect(edit.statusCode).toBe(409);
    expect(fieldsOf(edit.body)).toEqual(['note:already_sent']);
    const conv = await app.inject({ method: 'PUT', url: url('/conversation'), headers: contact.headers, payload: { ...goodConversation, endAssessmentId } });
    expect(conv.statusCode).toBe(409);
    const resend = await app.inject({ method: 'POST', url: url('/note/send'), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: true, toHospital: false, hospitalDepartmentId: null, hospitalConsent: false } });
    expect(resend.statusCode).toBe(409);
    const row = await database.db.selectFrom('closing_note').select('body').where('course_id', '=', courseId).executeTakeFirstOrThrow();
    expect(row.body).not.toBe('Ændret');
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 200 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'closing.note_save', outcome: 'denied' }));
    expect(events).toContainEqual(expect.objectContaining({ action: 'closing.note_send', outcome: 'allowed' }));
    expect(events).toContainEqual(expect.objectContaining({ action: 'closing.note_pdf', outcome: 'allowed' }));
  });

  it('keeps an earlier closing (declined) when that course’s note is sent', async () => {
    await app.inject({ method: 'PUT', url: url('/conversation', closedCourseId), headers: contact.headers, payload: { ...goodConversation, heldOn: '2026-09-01' } });
    await app.inject({ method: 'PUT', url: url('/note', closedCourseId), headers: contact.headers, payload: { body: 'Afslutningsnotat.' } });
    const res = await app.inject({ method: 'POST', url: url('/note/send', closedCourseId), headers: contact.headers, payload: { sentOn: '2026-11-22', toGp: false, toHospital: true, hospitalDepartmentId: departmentId, hospitalConsent: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClosingOverview>()).toMatchObject({ closedOn: '2026-09-01', closeReason: 'declined' });
  });
});

describe('access', () => {
  it('refuses the providing municipality and another home municipality, and audits the refusals', async () => {
    expect((await app.inject({ method: 'GET', url: url(), headers: therapist.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: url('/note/pdf'), headers: therapist.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: url('/note/draft'), headers: ballerup.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: url('/conversation'), headers: ballerup.headers, payload: goodConversation })).statusCode).toBe(403);
    const provider = await listAuditEvents(database.db, { actorUserId: therapistId, limit: 50 });
    expect(provider.filter((e) => e.outcome === 'denied').map((e) => e.action).sort()).toEqual(['closing.note_pdf', 'closing.read']);
    const other = await listAuditEvents(database.db, { actorUserId: ballerupId, limit: 50 });
    expect(other.filter((e) => e.outcome === 'denied').map((e) => e.action).sort()).toEqual(['closing.conversation', 'closing.note_draft']);
  });
});
