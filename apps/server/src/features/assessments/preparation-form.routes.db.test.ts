import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedsAssessmentList } from '@samkraft/contracts/assessments';
import type { CoursePreparationForm, MyPreparationForm, MyPreparationForms } from '@samkraft/contracts/preparation-forms';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
let contact: SignedInClient;
let therapist: SignedInClient;
let ballerup: SignedInClient;
let einer: SignedInCitizen;
let lonni: SignedInCitizen;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.therapist = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] });
  ids.ballerup = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  ids.einerCourse = (await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.contact })).courseId;
  ids.lonniCourse = (await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0159', contactPersonId: ids.contact })).courseId;
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  contact = await signIn(app, ids.contact);
  therapist = await signIn(app, ids.therapist);
  ballerup = await signIn(app, ids.ballerup);
  einer = await signInAsCitizen(app, EINER);
  lonni = await signInAsCitizen(app, LONNI);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const staffUrl = (courseId: string) => `/api/courses/${courseId}/citizen-preparation-form`;
const send = (client: SignedInClient, courseId = ids.einerCourse!) => app.inject({ method: 'POST', url: staffUrl(courseId), headers: client.headers, payload: {} });
const staffRead = (client: SignedInClient, courseId = ids.einerCourse!) => app.inject({ method: 'GET', url: staffUrl(courseId), headers: client.headers });
const list = (c: SignedInCitizen) => app.inject({ method: 'GET', url: '/api/borger/preparation-forms', headers: { cookie: c.cookie } });
const open = (c: SignedInCitizen, id: string) => app.inject({ method: 'GET', url: `/api/borger/preparation-forms/${id}`, headers: { cookie: c.cookie } });
const save = (c: SignedInCitizen, id: string, payload: object) => app.inject({ method: 'PUT', url: `/api/borger/preparation-forms/${id}`, headers: c.headers, payload });
const submit = (c: SignedInCitizen, id: string, payload: object) => app.inject({ method: 'POST', url: `/api/borger/preparation-forms/${id}/submit`, headers: c.headers, payload });
const formRow = (id: string) => database.db.selectFrom('preparation_form').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditOf = (action: string) =>
  database.db.selectFrom('audit_event').select(['actor_label', 'actor_user_id', 'actor_citizen_id', 'citizen_id', 'entity_id', 'outcome']).where('action', '=', action).execute();

const fieldsOf = (res: { json: <T>() => T }) => res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields;

const answers = { scaleScore: 7, problems: ['physical.fatigue', 'psychological.worry'], whatMattersMost: '  At kunne gå tur med hunden  ' };

describe('the preparation form: sent by the contact person, answered by the citizen, a draft for the professional', () => {
  let formId = '';

  it('is not there before it is sent; the contact person sends it (a therapist or another municipality may not)', async () => {
    expect((await list(einer)).json<MyPreparationForms>().forms).toEqual([]);
    const before = (await staffRead(contact)).json<CoursePreparationForm>();
    expect(before).toEqual({ form: null, draft: null, cannotSend: null });
    expect((await staffRead(therapist)).json<CoursePreparationForm>().cannotSend).toBe('no_write');
    expect((await send(therapist)).statusCode).toBe(403);
    expect((await send(ballerup)).statusCode).toBe(403);

    const res = await send(contact);
    expect(res.statusCode).toBe(201);
    const sent = res.json<CoursePreparationForm>();
    expect(sent.form).toMatchObject({ status: 'sent', sentBy: 'Karen Kontakt', openedAt: null, answeredAt: null, reminderCount: 0, answer: null });
    expect(sent.cannotSend).toBe('already_sent');
    formId = sent.form!.id;
    expect((await send(contact)).statusCode).toBe(409);
    const sends = await auditOf('preparation_form.send');
    expect(sends.filter((e) => e.outcome === 'denied').map((e) => e.actor_user_id).sort()).toEqual([ids.therapist, ids.ballerup].sort());
    expect(sends.filter((e) => e.outcome === 'allowed')).toEqual([{ actor_label: expect.any(String), actor_user_id: ids.contact, actor_citizen_id: null, citizen_id: ids.einer, entity_id: formId, outcome: 'allowed' }]);
  });

  it('records a reminder', async () => {
    const res = await app.inject({ method: 'POST', url: `${staffUrl(ids.einerCourse!)}/reminders`, headers: contact.headers, payload: {} });
    expect(res.statusCode).toBe(201);
    expect(res.json<CoursePreparationForm>().form).toMatchObject({ reminderCount: 1, lastRemindedAt: expect.any(String) });
    expect((await auditOf('preparation_form.remind')).map((e) => e.citizen_id)).toEqual([ids.einer]);
  });

  it('shows the citizen their own form; the first opening is recorded for staff', async () => {
    const forms = (await list(einer)).json<MyPreparationForms>().forms;
    expect(forms).toEqual([expect.objectContaining({ id: formId, homeMunicipality: expect.any(String), status: 'sent', lastRemindedAt: expect.any(String) })]);
    const res = await open(einer, formId);
    expect(res.statusCode).toBe(200);
    const form = res.json<MyPreparationForm>();
    expect(form).toMatchObject({ status: 'opened', editable: true, contactPersonName: 'Karen Kontakt', answers: { scaleScore: null, problems: [], whatMattersMost: null } });
    expect(form.items.areas.flatMap((a) => a.items.map((i) => i.code))).toContain('physical.fatigue');
    const openedAt = (await formRow(formId)).opened_at;
    expect(openedAt).not.toBeNull();
    await open(einer, formId);
    expect((await formRow(formId)).opened_at).toEqual(openedAt);
    expect((await staffRead(contact)).json<CoursePreparationForm>().form).toMatchObject({ status: 'opened', openedAt: new Date(openedAt!).toISOString() });
    expect(await auditOf('preparation_form.open')).toEqual([
      { actor_label: 'citizen', actor_user_id: null, actor_citizen_id: ids.einer, citizen_id: ids.einer, entity_id: formId, outcome: 'allowed' },
      { actor_label: 'citizen', actor_user_id: null, actor_citizen_id: ids.einer, citizen_id: ids.einer, entity_id: formId, outcome: 'allowed' },
    ]);
  });

  it('gives another citizen nothing of it: 404 on every route, the refusal audited', async () => {
    expect((await list(lonni)).json<MyPreparationForms>().forms).toEqual([]);
    expect((await open(lonni, formId)).statusCode).toBe(404);
    expect((await save(lonni, formId, answers)).statusCode).toBe(404);
    expect((await submit(lonni, formId, answers)).statusCode).toBe(404);
    const row = await formRow(formId);
    expect(row.scale_score).toBeNull();
    const refused = (await auditOf('preparation_form.open')).filter((e) => e.outcome === 'denied');
    expect(refused).toEqual([{ actor_label: 'citizen', actor_user_id: null, actor_citizen_id: ids.lonni, citizen_id: ids.lonni, entity_id: formId, outcome: 'denied' }]);
    // And a staff session reaches no citizen route.
    expect((await app.inject({ method: 'GET', url: `/api/borger/preparation-forms/${formId}`, headers: contact.headers })).statusCode).toBe(401);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const bad = await save(einer, formId, { ...answers, problems: ['physical.fatigue', 'no.such.item'] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual([expect.objectContaining({ field: 'problems[1]', code: 'unknown_assessment_item' })]);
    const scale = await save(einer, formId, { ...answers, scaleScore: 11 });
    expect(scale.statusCode).toBe(400);
    expect(fieldsOf(scale).map((f) => f.field)).toEqual(['scaleScore']);
    const extra = await save(einer, formId, { ...answers, answeredAt: '2026-01-01' });
    expect(extra.statusCode).toBe(400);
    const noScale = await submit(einer, formId, { ...answers, scaleScore: null });
    expect(noScale.statusCode).toBe(400);
    expect(fieldsOf(noScale)).toEqual([expect.objectContaining({ field: 'scaleScore', code: 'required' })]);
    const row = await formRow(formId);
    expect([row.scale_score, row.problem_codes, row.saved_at, row.answered_at]).toEqual([null, [], null, null]);
  });

  it('saves to come back to; the staff see nothing of a form not yet submitted', async () => {
    const res = await save(einer, formId, { scaleScore: 5, problems: ['physical.fatigue'], whatMattersMost: null });
    expect(res.statusCode).toBe(200);
    expect(res.json<MyPreparationForm>()).toMatchObject({ status: 'opened', editable: true, savedAt: expect.any(String), answers: { scaleScore: 5, problems: ['physical.fatigue'], whatMattersMost: null } });
    expect((await open(einer, formId)).json<MyPreparationForm>().answers.scaleScore).toBe(5);
    const staff = (await staffRead(contact)).json<CoursePreparationForm>();
    expect([staff.form?.answer, staff.draft]).toEqual([null, null]);
  });

  it('submits once: final for the citizen, a draft needs assessment for the professional', async () => {
    const res = await submit(einer, formId, answers);
    expect(res.statusCode).toBe(200);
    expect(res.json<MyPreparationForm>()).toMatchObject({ status: 'answered', editable: false, answeredAt: expect.any(String), answers: { scaleScore: 7, whatMattersMost: 'At kunne gå tur med hunden' } });
    expect((await submit(einer, formId, answers)).statusCode).toBe(409);
    expect((await save(einer, formId, { ...answers, scaleScore: 1 })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `${staffUrl(ids.einerCourse!)}/reminders`, headers: contact.headers, payload: {} })).statusCode).toBe(409);

    const staff = (await staffRead(contact)).json<CoursePreparationForm>();
    expect(staff.form).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });
    expect(staff.form?.answer).toEqual({
      scaleScore: 7,
      problems: [expect.objectContaining({ itemCode: 'physical.fatigue', area: 'physical' }), expect.objectContaining({ itemCode: 'psychological.worry', area: 'psychological' })],
      whatMattersMost: 'At kunne gå tur med hunden',
    });
    expect(staff.draft).toEqual({ occasion: 'initial', scaleScore: 7, problems: [{ itemCode: 'physical.fatigue' }, { itemCode: 'psychological.worry' }], whatMattersMost: 'At kunne gå tur med hunden' });
    const submits = await auditOf('preparation_form.submit');
    expect(submits.filter((e) => e.outcome === 'denied').map((e) => e.actor_citizen_id)).toEqual([ids.lonni]);
    expect(submits.filter((e) => e.outcome === 'allowed').map((e) => [e.actor_label, e.actor_citizen_id, e.citizen_id, e.outcome])).toEqual([['citizen', ids.einer, ids.einer, 'allowed']]);
    expect((await auditOf('preparation_form.read')).every((e) => e.actor_user_id !== null && e.citizen_id === ids.einer)).toBe(true);
  });

  it('the professional completes the assessment as their own; the citizen’s answer is unchanged', async () => {
    const before = await formRow(formId);
    const res = await app.inject({
      method: 'POST',
      url: `/api/courses/${ids.einerCourse}/needs-assessments`,
      headers: contact.headers,
      payload: { occasion: 'initial', assessedOn: '2026-11-20', scaleScore: 6, problems: [{ itemCode: 'physical.fatigue', note: 'Efter kemo' }], whatMattersMost: 'Gå tur med hunden', professionalAssessment: 'Træning' },
    });
    expect(res.statusCode).toBe(201);
    expect(await formRow(formId)).toEqual(before);
    const staff = (await staffRead(contact)).json<CoursePreparationForm>();
    expect(staff.draft).toBeNull();
    expect(staff.form?.answer?.scaleScore).toBe(7);
    const assessments = (await app.inject({ method: 'GET', url: `/api/courses/${ids.einerCourse}/needs-assessments`, headers: contact.headers })).json<NeedsAssessmentList>();
    expect(assessments.assessments.map((a) => a.scaleScore)).toEqual([6]);
  });

  it('is not sent to a course with an initial assessment', async () => {
    await app.inject({
      method: 'POST',
      url: `/api/courses/${ids.lonniCourse}/needs-assessments`,
      headers: contact.headers,
      payload: { occasion: 'initial', assessedOn: '2026-11-20', scaleScore: 3, problems: [], whatMattersMost: 'Sove', professionalAssessment: 'Ingen' },
    });
    expect((await staffRead(contact, ids.lonniCourse)).json<CoursePreparationForm>().cannotSend).toBe('initial_assessment_exists');
    expect((await send(contact, ids.lonniCourse)).statusCode).toBe(409);
  });
});
