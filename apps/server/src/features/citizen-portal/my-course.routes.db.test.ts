import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCourses } from '@samkraft/contracts/borger';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
let einer: SignedInCitizen;
let lonni: SignedInCitizen;
const ids: Record<string, string> = {};

async function aPlan(courseId: string, text: string, goals: string[]): Promise<void> {
  const plan = await database.db
    .insertInto('action_plan')
    .values({ course_id: courseId, version: 1, agreed_on: '2026-11-10', difficulties_and_needs: `Svært: ${text}`, purpose_and_content: `Formål: ${text}`, location: 'Hjemme', first_follow_up_on: '2026-12-10' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db.insertInto('plan_goal').values(goals.map((description, i) => ({ action_plan_id: plan.id, ordinal: i + 1, description, target_on: '2027-01-31' }))).execute();
  await database.db.insertInto('action_plan_responsibility').values({ action_plan_id: plan.id, ordinal: 1, part: 'Træning', responsible: 'Ballerup Kommune' }).execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await db.updateTable('municipality').set({ unit_phone: '44 77 00 00' }).where('code', '=', '0151').execute();
  await db.updateTable('municipality').set({ unit_phone: '39 57 50 00' }).where('code', '=', '0159').execute();
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  await db.updateTable('staff_user').set({ phone: '39 57 51 23' }).where('id', '=', ids.contact).execute();
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  const einerCourse = await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.contact });
  ids.einerCourse = einerCourse.courseId;
  await aPlan(einerCourse.courseId, 'Einers plan', ['Gå 2 km', 'Tilbage på arbejde']);
  await anIntervention(db, 'puls_styrke');
  const offering = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0151' });
  await aCrossReferral(db, { courseId: einerCourse.courseId, offeringId: offering, interventionCode: 'puls_styrke', providerMunicipalityCode: '0151' });
  const lonniCourse = await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0159' });
  ids.lonniCourse = lonniCourse.courseId;
  await aPlan(lonniCourse.courseId, 'Lonnis plan', ['Sove bedre']);
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn() });
  einer = await signInAsCitizen(app, EINER);
  lonni = await signInAsCitizen(app, LONNI);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const myCourse = (c: SignedInCitizen) => app.inject({ method: 'GET', url: '/api/borger/my-course', headers: { cookie: c.cookie } });

describe('Mit forløb: the citizen’s own course', () => {
  it('shows the contact person with their phone, the plan with its goals, and each intervention’s provider with its contact', async () => {
    const res = await myCourse(einer);
    expect(res.statusCode).toBe(200);
    const body = res.json<MyCourses>();
    expect(body.courses).toHaveLength(1);
    const course = body.courses[0]!;
    expect(course).toMatchObject({ id: ids.einerCourse, homeMunicipality: 'Gladsaxe', contactPerson: { name: 'Karen Kontakt', phone: '39 57 51 23', phoneOf: 'person' } });
    expect(course.plan).toMatchObject({ version: 1, purposeAndContent: 'Formål: Einers plan', goals: [{ description: 'Gå 2 km', status: 'open' }, { description: 'Tilbage på arbejde' }], responsibilities: [{ part: 'Træning', responsible: 'Ballerup Kommune' }] });
    expect(course.interventions).toEqual([
      expect.objectContaining({ name: 'Indsats puls_styrke', providerMunicipality: 'Ballerup', placeName: 'Træningscenter', status: 'sent', contact: { name: null, phone: '44 77 00 00', phoneOf: 'unit', email: null } }),
    ]);
  });

  it('shows a citizen only their own data (two citizens)', async () => {
    const a = JSON.stringify((await myCourse(einer)).json());
    const b = (await myCourse(lonni)).json<MyCourses>();
    expect(b.courses.map((c) => c.id)).toEqual([ids.lonniCourse]);
    expect(b.courses[0]?.contactPerson).toEqual({ name: null, phone: '39 57 50 00', phoneOf: 'unit', email: null });
    expect(JSON.stringify(b)).not.toContain('Einers plan');
    expect(a).not.toContain('Lonnis plan');
    expect(a).not.toContain(ids.lonniCourse);
  });

  it('audits every read with the citizen as the actor, never a CPR', async () => {
    await myCourse(einer);
    const events = await database.db.selectFrom('audit_event').select(['actor_label', 'actor_citizen_id', 'actor_user_id', 'citizen_id', 'entity_type', 'entity_id', 'outcome']).where('action', '=', 'citizen_portal.my_course').execute();
    expect(events).toContainEqual({ actor_label: 'citizen', actor_citizen_id: ids.einer, actor_user_id: null, citizen_id: ids.einer, entity_type: 'course', entity_id: ids.einerCourse, outcome: 'allowed' });
    expect(events.every((e) => e.actor_citizen_id === e.citizen_id)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/0201609995|0201609996/);
  });

  it('answers 401 without a citizen session, and to a staff session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/borger/my-course' })).statusCode).toBe(401);
    const staff = await signIn(app, ids.contact!);
    expect((await app.inject({ method: 'GET', url: '/api/borger/my-course', headers: staff.headers })).statusCode).toBe(401);
  });
});
