import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyDocuments } from '@samkraft/contracts/my-documents';
import type { MyRelatives } from '@samkraft/contracts/relatives';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const DRENG = '1306249995';
const PIGE = '1306249996';

let database: Database;
let app: App;
let dreng: SignedInCitizen;
let pige: SignedInCitizen;
const ids: Record<string, string> = {};

async function aPlanVersion(courseId: string, version: number, agreedOn: string, text: string): Promise<string> {
  const plan = await database.db
    .insertInto('action_plan')
    .values({ course_id: courseId, version, agreed_on: agreedOn, difficulties_and_needs: `Svært: ${text}`, purpose_and_content: `Formål: ${text}`, location: 'Hjemme', first_follow_up_on: '2026-12-10', revision_reason: version > 1 ? 'Ny aftale' : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return plan.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.dreng = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: DRENG, givenName: 'Dreng Test', familyName: 'Levendefødt', sex: 'M', birthDate: '2024-06-13' });
  ids.pige = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: PIGE, givenName: 'Pige Test', familyName: 'Levendefødt', sex: 'F', birthDate: '2024-06-13' });
  // Dreng: an earlier, closed course with its sent closing note, and an open one with the letter and two plan versions.
  const closed = await aReferralWithCourse(db, { citizenId: ids.dreng, homeMunicipalityCode: '0159', receivedOn: '2025-03-03', contactPersonId: ids.contact });
  ids.closedCourse = closed.courseId;
  await db.updateTable('course').set({ closed_on: '2025-09-01', close_reason: 'completed' }).where('id', '=', closed.courseId).execute();
  const note = await db.insertInto('closing_note').values({ course_id: closed.courseId, body: 'Drengs forløb er afsluttet med gode resultater.', sent_on: '2025-09-01', sent_to_gp: false }).returning('id').executeTakeFirstOrThrow();
  ids.note = note.id;
  const open = await aReferralWithCourse(db, { citizenId: ids.dreng, homeMunicipalityCode: '0159', receivedOn: '2026-11-02', contactPersonId: ids.contact });
  ids.course = open.courseId;
  await db.insertInto('course_contact').values({ course_id: open.courseId, contacted_on: '2026-11-04', reached: true, channel: 'phone', preparation_form_sent_on: '2026-11-05' }).execute();
  ids.plan1 = await aPlanVersion(open.courseId, 1, '2026-11-10', 'Drengs første plan');
  ids.plan2 = await aPlanVersion(open.courseId, 2, '2026-11-20', 'Drengs anden plan');
  await db
    .insertInto('course_relative')
    .values({ course_id: open.courseId, name: 'Pige Test Levendefødt', relation: 'sibling', phone: '22 33 44 55', consent_to_participate: true, consent_to_share_with_provider: true, consent_given_on: '2026-11-10', starts_on: '2026-11-10' })
    .execute();
  // Pige: a course with a plan of her own (a draft closing note, not sent: not a document).
  const hers = await aReferralWithCourse(db, { citizenId: ids.pige, homeMunicipalityCode: '0159', receivedOn: '2026-11-02' });
  ids.pigeCourse = hers.courseId;
  ids.pigePlan = await aPlanVersion(hers.courseId, 1, '2026-11-12', 'Piges plan');
  await db.insertInto('closing_note').values({ course_id: hers.courseId, body: 'Udkast' }).execute();
  app = await createTestApp(database, { now: '2026-11-23T09:00:00Z', citizenSignIn: demoCitizenSignIn() });
  dreng = await signInAsCitizen(app, DRENG);
  pige = await signInAsCitizen(app, PIGE);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (c: SignedInCitizen | null, url: string) => app.inject({ method: 'GET', url, headers: c ? { cookie: c.cookie } : {} });

describe('Mine dokumenter', () => {
  it('lists the citizen’s letter, plan versions and sent closing note, newest first, from every course of their own', async () => {
    const res = await get(dreng, '/api/borger/documents');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MyDocuments>().documents.map((d) => [d.id, d.kind, d.date, d.version, d.homeMunicipality])).toEqual([
      [`action_plan.${ids.plan2}`, 'action_plan', '2026-11-20', 2, 'Gladsaxe'],
      [`action_plan.${ids.plan1}`, 'action_plan', '2026-11-10', 1, 'Gladsaxe'],
      [`preparation_letter.${ids.course}`, 'preparation_letter', '2026-11-05', null, 'Gladsaxe'],
      [`closing_note.${ids.note}`, 'closing_note', '2025-09-01', null, 'Gladsaxe'],
    ]);
    const hers = (await get(pige, '/api/borger/documents')).json<MyDocuments>();
    expect(hers.documents.map((d) => d.id)).toEqual([`action_plan.${ids.pigePlan}`]);
  });

  it('downloads each as PDF, made by its owner’s renderer', async () => {
    const letter = await get(dreng, `/api/borger/documents/preparation_letter.${ids.course}`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['cache-control']).toBe('no-store');
    const letterText = (await readPdfText(letter.rawPayload)).text;
    expect(letterText).toContain('Dreng Test Levendefødt');
    expect(letterText).toContain('5. november 2026');
    const plan = await get(dreng, `/api/borger/documents/action_plan.${ids.plan1}`);
    expect(plan.statusCode).toBe(200);
    expect((await readPdfText(plan.rawPayload)).text).toContain('Drengs første plan');
    const note = await get(dreng, `/api/borger/documents/closing_note.${ids.note}`);
    expect(note.statusCode).toBe(200);
    expect((await readPdfText(note.rawPayload)).text).toContain('gode resultater');
  });

  it('answers 404 to another citizen’s document, and to one that is not a document yet, auditing the refusal', async () => {
    for (const id of [`action_plan.${ids.plan1}`, `preparation_letter.${ids.course}`, `closing_note.${ids.note}`]) expect((await get(pige, `/api/borger/documents/${id}`)).statusCode).toBe(404);
    expect((await get(dreng, `/api/borger/documents/action_plan.${ids.pigePlan}`)).statusCode).toBe(404);
    // Pige's unsent note and a letter never sent are not documents.
    const draft = await database.db.selectFrom('closing_note').select('id').where('course_id', '=', ids.pigeCourse!).executeTakeFirstOrThrow();
    expect((await get(pige, `/api/borger/documents/closing_note.${draft.id}`)).statusCode).toBe(404);
    expect((await get(pige, `/api/borger/documents/preparation_letter.${ids.pigeCourse}`)).statusCode).toBe(404);
    expect((await get(pige, '/api/borger/documents/plan.1')).statusCode).toBe(400);
    const denied = await database.db.selectFrom('audit_event').select(['actor_citizen_id', 'citizen_id', 'entity_id', 'outcome']).where('action', '=', 'citizen_portal.document').where('outcome', '=', 'denied').execute();
    expect(denied).toContainEqual({ actor_citizen_id: ids.pige, citizen_id: ids.pige, entity_id: ids.plan1, outcome: 'denied' });
  });

  it('audits each list and download with the citizen as the actor, never a CPR', async () => {
    await get(dreng, '/api/borger/documents');
    await get(dreng, `/api/borger/documents/action_plan.${ids.plan2}`);
    const events = await database.db.selectFrom('audit_event').select(['action', 'actor_label', 'actor_citizen_id', 'actor_user_id', 'citizen_id', 'entity_type', 'entity_id', 'outcome']).where('action', 'like', 'citizen_portal.document%').where('actor_citizen_id', '=', ids.dreng!).execute();
    expect(events).toContainEqual({ action: 'citizen_portal.document', actor_label: 'citizen', actor_citizen_id: ids.dreng, actor_user_id: null, citizen_id: ids.dreng, entity_type: 'action_plan', entity_id: ids.plan2, outcome: 'allowed' });
    expect(events.filter((e) => e.action === 'citizen_portal.documents').map((e) => e.entity_id).sort()).toEqual(expect.arrayContaining([ids.course, ids.closedCourse]));
    expect(JSON.stringify(events)).not.toMatch(/1306249995|1306249996/);
  });

  it('answers 401 without a citizen session, and to a staff session', async () => {
    expect((await get(null, '/api/borger/documents')).statusCode).toBe(401);
    expect((await get(null, `/api/borger/documents/action_plan.${ids.plan1}`)).statusCode).toBe(401);
    const staff = await signIn(app, ids.contact!);
    expect((await app.inject({ method: 'GET', url: '/api/borger/documents', headers: staff.headers })).statusCode).toBe(401);
  });
});

describe('the relatives on Mit forløb', () => {
  it('shows the citizen their own relatives, read-only, audited; another citizen sees none of them', async () => {
    const mine = await get(dreng, '/api/borger/relatives');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<MyRelatives>().relatives).toEqual([{ courseId: ids.course, name: 'Pige Test Levendefødt', relation: 'sibling', phone: '22 33 44 55', consentToShareWithProvider: true, startsOn: '2026-11-10', endsOn: null }]);
    expect((await get(pige, '/api/borger/relatives')).json<MyRelatives>().relatives).toEqual([]);
    const events = await database.db.selectFrom('audit_event').select(['actor_citizen_id', 'citizen_id', 'entity_id']).where('action', '=', 'citizen_portal.relatives').execute();
    expect(events).toContainEqual({ actor_citizen_id: ids.dreng, citizen_id: ids.dreng, entity_id: ids.course });
    expect(events).toContainEqual({ actor_citizen_id: ids.pige, citizen_id: ids.pige, entity_id: ids.pige });
    expect((await app.inject({ method: 'POST', url: '/api/borger/relatives', headers: dreng.headers, payload: {} })).statusCode).toBe(404);
  });
});
