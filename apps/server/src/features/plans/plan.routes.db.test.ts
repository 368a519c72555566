import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlan, ActionPlanOverview } from '@samkraft/contracts/plans';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
let contact: SignedInClient;
let therapist: SignedInClient;
let contactId: string;
let courseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontaktsen' });
  const therapistId = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] });
  const citizen = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Åse', familyName: 'Ærø' });
  courseId = (await aReferralWithCourse(db, { citizenId: citizen, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  therapist = await signIn(app, therapistId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const plan = {
  agreedOn: '2026-11-20',
  difficultiesAndNeeds: 'Træthed og nedsat kondition efter kemoterapi',
  purposeAndContent: 'Genopbygge kræfter gennem holdtræning',
  location: 'Træningscenter Gladsaxe',
  responsibilities: [
    { part: 'Koordinering og opfølgning', responsible: 'Karen Kontaktsen, kontaktperson' },
    { part: 'Holdtræning', responsible: 'Lyngby-Taarbæk Kommune' },
  ],
  otherAdministrations: 'Jobcenter Gladsaxe',
  returnToWork: 'Gradvis tilbagevenden fra februar',
  evaluationOn: '2027-02-20',
  evaluationBy: 'Kontaktpersonen sammen med borgeren',
  firstFollowUpOn: '2026-12-04',
  goals: [
    { description: 'Gå 2 km uden pause', targetOn: '2027-01-31' },
    { description: 'Klare indkøb selv', targetOn: null },
  ],
};
const post = (client: SignedInClient, payload: unknown) => app.inject({ method: 'POST', url: `/api/courses/${courseId}/action-plans`, headers: client.headers, payload: payload as object });
const countRows = async (table: 'action_plan' | 'follow_up' | 'plan_goal') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const fieldsOf = (body: string) => (JSON.parse(body) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);

describe('action plans', () => {
  it('refuses a plan missing required fields, naming each, and stores nothing', async () => {
    const res = await post(contact, { agreedOn: '2026-11-20', difficultiesAndNeeds: '', goals: [], responsibilities: [] });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        'difficultiesAndNeeds',
        'purposeAndContent',
        'location',
        'responsibilities',
        'otherAdministrations',
        'evaluationOn',
        'evaluationBy',
        'firstFollowUpOn',
        'goals',
      ]),
    );
    const dates = await post(contact, { ...plan, agreedOn: '2026-11-30', firstFollowUpOn: '2026-11-25', evaluationOn: '2026-11-01' });
    expect(dates.statusCode).toBe(400);
    expect(fieldsOf(dates.body)).toEqual(['agreedOn', 'firstFollowUpOn', 'evaluationOn']);
    expect(await countRows('action_plan')).toBe(0);
    expect(await countRows('follow_up')).toBe(0);
  });

  it('saves version 1 with its goals and books the first follow-up in the same transaction', async () => {
    const res = await post(contact, plan);
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<ActionPlan>();
    expect(saved).toMatchObject({ version: 1, revisionReason: null, location: 'Træningscenter Gladsaxe', responsibilities: plan.responsibilities });
    expect(saved.goals).toEqual([
      { id: expect.any(String), ordinal: 1, description: 'Gå 2 km uden pause', targetOn: '2027-01-31', status: 'open', statusRecordedOn: null },
      { id: expect.any(String), ordinal: 2, description: 'Klare indkøb selv', targetOn: null, status: 'open', statusRecordedOn: null },
    ]);
    const followUps = await database.db.selectFrom('follow_up').select(['planned_on']).where('course_id', '=', courseId).execute();
    expect(followUps).toEqual([{ planned_on: '2026-12-04' }]);
    const actions = (await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['action_plan.create', 'follow_up.schedule']));
  });

  it('needs a reason for a revision, and keeps every version', async () => {
    const noReason = await post(contact, plan);
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['revisionReason']);
    const revised = await post(contact, { ...plan, agreedOn: '2026-11-22', location: 'Hjemme', revisionReason: 'Borgeren kan ikke komme til centret' });
    expect(revised.statusCode, revised.body).toBe(201);
    expect(revised.json<ActionPlan>().version).toBe(2);
    expect(await countRows('follow_up')).toBe(1);
    const overview = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans`, headers: therapist.headers })).json<ActionPlanOverview>();
    expect(overview.current?.version).toBe(2);
    expect(overview.current?.location).toBe('Hjemme');
    expect(overview.versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/1`, headers: contact.headers });
    expect(v1.json<ActionPlan>().location).toBe('Træningscenter Gladsaxe');
    expect((await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/9`, headers: contact.headers })).statusCode).toBe(404);
  });

  it('lets a therapist read but not write the plan', async () => {
    expect((await post(therapist, { ...plan, revisionReason: 'x' })).statusCode).toBe(403);
  });

  it('prints a Danish PDF of a version with every field, the goals, the municipality and the contact person', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/action-plans/1/pdf`, headers: contact.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const { text } = await readPdfText(res.rawPayload);
    for (const expected of [
      'Gladsaxe Kommune',
      'Handleplan',
      'Åse Ærø',
      'Karen Kontaktsen',
      plan.difficultiesAndNeeds,
      plan.purposeAndContent,
      plan.location,
      'Holdtræning',
      'Lyngby-Taarbæk Kommune',
      plan.otherAdministrations,
      plan.returnToWork,
      '20. februar 2027',
      plan.evaluationBy,
      '4. december 2026',
      'Gå 2 km uden pause',
      'Klare indkøb selv',
    ]) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected);
    }
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.some((e) => e.action === 'action_plan.pdf')).toBe(true);
  });
});
