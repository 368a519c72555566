import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyDataFile } from '@samkraft/contracts/my-data';
import type { Database } from '../../platform/database/database.ts';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { demoTestPersons } from '../citizen-auth/demo-test-persons.ts';
import { seedDemoData } from '../demo/demo.seed.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

/*
 * The aktindsigt of a whole journey (the demo data's fullest: referral, course, contact person,
 * first contact, needs assessments, plan versions with goals, follow-ups, cross-municipal referral
 * with status notes, closing conversation and note) compared with the database: every row of the
 * citizen in every covered table is in the file by its id (a contact-person assignment by its staff
 * member, a closing by its course) and its content, and the PDF says the same in words.
 */

const TODAY = '2026-03-18';

let database: Database;
let app: App;
let citizen: SignedInCitizen;
let citizenId: string;
let file: MyDataFile;
let text: string;

beforeAll(async () => {
  await loadR4Validators();
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await seedDemoData(db, TODAY);
  const offered = demoTestPersons().map((p) => p.cpr);
  const fullest = await sql<{ id: string; cpr: string }>`
    select c.id, c.cpr from citizen c join referral r on r.citizen_id = c.id join course k on k.referral_id = r.id
    where c.cpr = any(${offered}::text[])
    group by c.id, c.cpr
    order by (select count(*) from follow_up f join course k2 on k2.id = f.course_id join referral r2 on r2.id = k2.referral_id where r2.citizen_id = c.id)
      + (select count(*) from status_note s join cross_referral x on x.id = s.cross_referral_id join course k2 on k2.id = x.course_id join referral r2 on r2.id = k2.referral_id where r2.citizen_id = c.id)
      + 3 * (select count(*) from closing_note n join course k2 on k2.id = n.course_id join referral r2 on r2.id = k2.referral_id where r2.citizen_id = c.id)
      + (select count(*) from action_plan p join course k2 on k2.id = p.course_id join referral r2 on r2.id = k2.referral_id where r2.citizen_id = c.id) desc, c.cpr
    limit 1`.execute(db);
  citizenId = fullest.rows[0]!.id;
  app = await createTestApp(database, { now: `${TODAY}T10:00:00Z`, citizenSignIn: demoCitizenSignIn() });
  citizen = await signInAsCitizen(app, fullest.rows[0]!.cpr);
  const res = await app.inject({ method: 'GET', url: '/api/borger/my-data', headers: { cookie: citizen.cookie } });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  file = res.json<MyDataFile>();
  text = res.body;
}, 180_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

/** The citizen's rows of each covered table: the row's id, and the content the file must carry when it carries no id. */
async function rowsOf(table: string): Promise<{ id: string; content: string[] }[]> {
  const c = citizenId;
  const courses = sql`select k.id from course k join referral r on r.id = k.referral_id where r.citizen_id = ${c}::uuid`;
  const crosses = sql`select x.id from cross_referral x where x.course_id in (${courses})`;
  const q: Record<string, ReturnType<typeof sql>> = {
    citizen: sql`select id, array[given_name, family_name] as content from citizen where id = ${c}::uuid`,
    referral: sql`select id, array[received_on::text] as content from referral where citizen_id = ${c}::uuid`,
    course: sql`select id, array[opened_on::text] as content from course where id in (${courses})`,
    course_assignment: sql`select a.staff_user_id as id, array[u.display_name] as content from course_assignment a join staff_user u on u.id = a.staff_user_id where a.course_id in (${courses})`,
    course_contact: sql`select id, array[contacted_on::text] as content from course_contact where course_id in (${courses})`,
    action_plan: sql`select id, array[difficulties_and_needs, purpose_and_content] as content from action_plan where course_id in (${courses})`,
    plan_goal: sql`select g.id, array[g.description] as content from plan_goal g join action_plan p on p.id = g.action_plan_id where p.course_id in (${courses})`,
    needs_assessment: sql`select id, array[assessed_on::text] as content from needs_assessment where course_id in (${courses})`,
    follow_up: sql`select id, array[planned_on::text] as content from follow_up where course_id in (${courses})`,
    cross_referral: sql`select id, array[received_on::text] as content from cross_referral where course_id in (${courses})`,
    status_note: sql`select id, array[body] as content from status_note where cross_referral_id in (${crosses})`,
    closing_conversation: sql`select course_id as id, array[held_on::text] as content from closing_conversation where course_id in (${courses})`,
    closing_note: sql`select course_id as id, array[body] as content from closing_note where course_id in (${courses})`,
    deeper_assessment: sql`select id, array[assessed_on::text, findings] as content from deeper_assessment where cross_referral_id in (${crosses})`,
    provider_goal: sql`select id, array[description] as content from provider_goal where cross_referral_id in (${crosses})`,
    enrolment: sql`select id, array[]::text[] as content from enrolment where cross_referral_id in (${crosses})`,
    attendance: sql`select a.team_session_id as id, array[a.status] as content from attendance a join enrolment e on e.id = a.enrolment_id where e.cross_referral_id in (${crosses})`,
  };
  const query = q[table];
  if (!query) return [];
  return (await sql<{ id: string; content: (string | null)[] }>`${query}`.execute(database.db)).rows.map((r) => ({ id: r.id, content: r.content.filter((x): x is string => x !== null && x !== '') }));
}

const JOURNEY_TABLES = ['citizen', 'referral', 'course', 'course_assignment', 'course_contact', 'action_plan', 'plan_goal', 'needs_assessment', 'follow_up', 'cross_referral', 'status_note', 'closing_conversation', 'closing_note', 'enrolment', 'attendance', 'deeper_assessment', 'provider_goal'];

describe('the aktindsigt of a whole journey', () => {
  it('is a journey with every kind of record (the test has something to compare)', async () => {
    for (const t of ['course', 'action_plan', 'plan_goal', 'needs_assessment', 'follow_up', 'cross_referral', 'status_note', 'closing_note', 'enrolment', 'attendance', 'deeper_assessment', 'provider_goal']) expect((await rowsOf(t)).length, t).toBeGreaterThan(0);
  });

  it('holds every row of the citizen in every covered table, with its content', async () => {
    const missing: string[] = [];
    for (const table of JOURNEY_TABLES) {
      for (const row of await rowsOf(table)) {
        if (!text.includes(row.id)) missing.push(`${table} ${row.id}`);
        for (const c of row.content) if (!text.includes(JSON.stringify(c).slice(1, -1))) missing.push(`${table} ${row.id}: ${c.slice(0, 40)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries the FHIR API’s resources as a valid R4 Bundle, the Patient first', async () => {
    const bundle = file.fhir as { entry: { resource: { resourceType: string; id: string } }[] };
    expect(bundle.entry[0]?.resource).toMatchObject({ resourceType: 'Patient', id: citizenId });
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const t of ['ServiceRequest', 'CarePlan', 'Goal', 'QuestionnaireResponse', 'Communication']) expect(types.has(t), t).toBe(true);
    expect(await validateBaseR4(file.fhir)).toEqual([]);
  });

  it('lists every section and what it leaves out', () => {
    expect(Object.keys(file.sections)).toEqual(['courses', 'plans', 'needsAssessments', 'preparationForms', 'relatives', 'followUps', 'crossReferrals', 'teamSessions', 'providerRecords', 'statusNotes', 'deadlines', 'closing', 'hospitalStays', 'messages', 'accessLog']);
    expect(file.request).toEqual({ by: 'citizen', reference: null, municipality: null });
    expect(Object.keys(file.coverage.excluded)).toContain('citizen_session');
    expect((file.sections.accessLog as unknown[]).length).toBeGreaterThan(0);
  });

  it('says the same in the PDF: every text of the journey’s records, the plan’s goals and the closing note in words', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/borger/my-data?format=pdf', headers: { cookie: citizen.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = (await readPdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Dine oplysninger i Samkraft');
    const words = (s: string) => s.replace(/\s+/g, ' ').slice(0, 30);
    for (const g of await rowsOf('plan_goal')) expect(pdf).toContain(words(g.content[0]!));
    for (const n of await rowsOf('closing_note')) expect(pdf).toContain(words(n.content[0]!));
    expect(pdf).toContain('Hvem har set dine oplysninger');
    // Every text of every row of the journey (dates and codes aside, which the PDF writes in words).
    const missing: string[] = [];
    for (const table of JOURNEY_TABLES) {
      for (const row of await rowsOf(table)) for (const c of row.content) if (!/^[0-9-]+$/.test(c) && !/^[a-z_]+$/.test(c) && !pdf.includes(words(c))) missing.push(`${table} ${row.id}: ${c.slice(0, 40)}`);
    }
    expect(missing).toEqual([]);
  });

  it('is audited: each record read as the citizen’s own, and the whole as my_data.export', async () => {
    const rows = await database.db.selectFrom('audit_event').select(['action', 'purpose']).where('actor_citizen_id', '=', citizenId).execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['citizen.read', 'course.read', 'action_plan.read', 'follow_up.read', 'closing.read', 'my_data.export']) expect(actions.has(a), a).toBe(true);
    expect(rows.filter((r) => r.action === 'my_data.export').every((r) => r.purpose === 'citizen_request')).toBe(true);
  });
});
