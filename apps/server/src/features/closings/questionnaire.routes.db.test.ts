import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { MyQuestionnaire, MyQuestionnaires } from '@samkraft/contracts/closing-questionnaire';
import type { ClosingOverview } from '@samkraft/contracts/closings';
import type { Report } from '@samkraft/contracts/reports';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const DRENG = '1310169995';
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
let now = new Date('2026-11-23T10:00:00Z'); // a Monday
const clock: Clock = { now: () => now };
let contact: SignedInClient;
let ballerupContact: SignedInClient;
let coordinator: SignedInClient;
let dreng: SignedInCitizen;
let einer: SignedInCitizen;
const ids = { contact: '', ballerupContact: '', coordinator: '', dreng: '', einer: '', lonni: '', drengCourse: '', einerCourse: '', lonniCourse: '', drengQuestionnaire: '' };

type ErrorBody = { error: { code: string; fields: { field: string; code: string }[] } };
const fieldsOf = (body: string) => (JSON.parse(body) as ErrorBody).error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.ballerupContact = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'], displayName: 'Bo Ballerup' });
  ids.coordinator = await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] });
  ids.dreng = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: DRENG, givenName: 'Dreng Test', familyName: 'Levendefødt', sex: 'M', birthDate: '2016-10-13' });
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0151', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  ids.drengCourse = (await aReferralWithCourse(db, { citizenId: ids.dreng, homeMunicipalityCode: '0159', receivedOn: '2026-06-01', contactPersonId: ids.contact })).courseId;
  ids.einerCourse = (await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', receivedOn: '2026-06-01', contactPersonId: ids.contact })).courseId;
  ids.lonniCourse = (await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0151', receivedOn: '2026-06-01', contactPersonId: ids.ballerupContact })).courseId;
  app = await createTestApp(database, { citizenSignIn: demoCitizenSignIn(), clock });
  await signInAll();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Who = 'contact' | 'ballerupContact' | 'coordinator' | 'dreng' | 'einer';

/** Signs in again those a step needs: sessions expire as days pass (and sign-ins are rate-limited). */
async function signInAll(who: Who[] = ['contact', 'ballerupContact', 'coordinator', 'dreng', 'einer']): Promise<void> {
  if (who.includes('contact')) contact = await signIn(app, ids.contact);
  if (who.includes('ballerupContact')) ballerupContact = await signIn(app, ids.ballerupContact);
  if (who.includes('coordinator')) coordinator = await signIn(app, ids.coordinator);
  if (who.includes('dreng')) dreng = await signInAsCitizen(app, DRENG);
  if (who.includes('einer')) einer = await signInAsCitizen(app, EINER);
}
async function at(iso: string, who: Who[]): Promise<void> {
  now = new Date(iso);
  await signInAll(who);
}

const conversation = { heldOn: '2026-11-20', evaluation: 'Målene er nået.', planOnward: null, citizenExperience: null, endAssessmentId: null };
const citizenAnswers = { ...conversation, questionnaire: 'citizen', satisfaction: null, benefit: null };
const saveConversation = (client: SignedInClient, courseId: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/courses/${courseId}/closing/conversation`, headers: client.headers, payload });
const closing = async (courseId: string) => (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/closing`, headers: contact.headers })).json<ClosingOverview>();
const mine = async (c: SignedInCitizen) => (await app.inject({ method: 'GET', url: '/api/borger/questionnaires', headers: { cookie: c.cookie } })).json<MyQuestionnaires>().questionnaires;
const answer = (c: SignedInCitizen, id: string, payload: unknown) => app.inject({ method: 'POST', url: `/api/borger/questionnaires/${id}/answer`, headers: c.headers, payload: payload as object });
const row = (courseId: string) => database.db.selectFrom('closing_conversation').selectAll().where('course_id', '=', courseId).executeTakeFirstOrThrow();
const citizenEvents = (citizenId: string, action: string) =>
  database.db.selectFrom('audit_event').select(['outcome', 'actor_label', 'entity_id']).where('actor_citizen_id', '=', citizenId).where('action', '=', action).orderBy('id').execute();

describe('the questionnaire at closing, answered by the citizen on their own phone', () => {
  it('is requested by staff at the closing conversation, with 10 working days to answer', async () => {
    expect(await mine(dreng)).toEqual([]);
    const res = await saveConversation(contact, ids.drengCourse, citizenAnswers);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<ClosingOverview>().conversation;
    expect(c).toMatchObject({ questionnaire: 'citizen', satisfaction: null, benefit: null, answerSource: 'citizen' });
    // Monday 23 November is day 0; ten working days on is Monday 7 December.
    expect(c?.citizenQuestionnaire).toMatchObject({ state: 'open', dueOn: '2026-12-07', requestedBy: 'Karen Kontakt', answeredAt: null, requestedAt: '2026-11-23T10:00:00.000Z' });
    ids.drengQuestionnaire = c!.id;
  });

  it('shows the citizen their own open questionnaire — and nothing to another citizen', async () => {
    expect(await mine(dreng)).toEqual([
      { id: ids.drengQuestionnaire, state: 'open', municipalityName: 'Gladsaxe', requestedOn: '2026-11-23', dueOn: '2026-12-07', answeredAt: null, satisfaction: null, benefit: null },
    ]);
    expect(await mine(einer)).toEqual([]);
    const reads = await citizenEvents(ids.dreng, 'closing.questionnaire_read');
    expect(reads.at(-1)).toMatchObject({ outcome: 'allowed', actor_label: 'citizen', entity_id: ids.drengQuestionnaire });
  });

  it('refuses another citizen the questionnaire (404), bad input naming the field (400), a staff session (401); nothing written', async () => {
    const other = await answer(einer, ids.drengQuestionnaire, { satisfaction: 1, benefit: 1 });
    expect(other.statusCode).toBe(404);
    expect((await citizenEvents(ids.einer, 'closing.questionnaire_answer')).map((e) => e.outcome)).toEqual(['denied']);
    const bad = await answer(dreng, ids.drengQuestionnaire, { satisfaction: 6, benefit: 'meget' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body).map((f) => f.split(':')[0]).sort()).toEqual(['benefit', 'satisfaction']);
    const missing = await answer(dreng, ids.drengQuestionnaire, { satisfaction: 4 });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body).map((f) => f.split(':')[0])).toEqual(['benefit']);
    const extra = await answer(dreng, ids.drengQuestionnaire, { satisfaction: 4, benefit: 4, citizenId: ids.einer });
    expect(extra.statusCode).toBe(400);
    const staff = await app.inject({ method: 'POST', url: `/api/borger/questionnaires/${ids.drengQuestionnaire}/answer`, headers: contact.headers, payload: { satisfaction: 4, benefit: 4 } });
    expect(staff.statusCode).toBe(401);
    expect(await row(ids.drengCourse)).toMatchObject({ satisfaction: null, benefit: null, questionnaire_declined: false, citizen_answered_at: null });
  });

  it('takes the citizen’s answer once ("Vil ikke svare" to one question is allowed); a second answer is refused', async () => {
    await at('2026-11-25T18:30:00Z', ['dreng', 'contact']);
    const res = await answer(dreng, ids.drengQuestionnaire, { satisfaction: 5, benefit: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MyQuestionnaire>()).toMatchObject({ state: 'answered', satisfaction: 5, benefit: null, answeredAt: '2026-11-25T18:30:00.000Z' });
    const again = await answer(dreng, ids.drengQuestionnaire, { satisfaction: 1, benefit: 1 });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['questionnaire:already_answered']);
    expect(await row(ids.drengCourse)).toMatchObject({ satisfaction: 5, benefit: null, answer_source: 'citizen' });
    expect((await citizenEvents(ids.dreng, 'closing.questionnaire_answer')).map((e) => e.outcome)).toEqual(['allowed', 'denied']);
  });

  it('shows staff the answers as the citizen’s, which staff cannot overwrite', async () => {
    const c = (await closing(ids.drengCourse)).conversation;
    expect(c).toMatchObject({ questionnaire: 'answered', satisfaction: 5, benefit: null, answerSource: 'citizen' });
    expect(c?.citizenQuestionnaire).toMatchObject({ state: 'answered', answeredAt: '2026-11-25T18:30:00.000Z' });
    const overwrite = await saveConversation(contact, ids.drengCourse, { ...conversation, questionnaire: 'answered', satisfaction: 1, benefit: 1 });
    expect(overwrite.statusCode).toBe(409);
    expect(fieldsOf(overwrite.body)).toEqual(['questionnaire:answered_by_citizen']);
    // The rest of the conversation can still be corrected; the citizen's answers stay.
    const corrected = await saveConversation(contact, ids.drengCourse, { ...citizenAnswers, evaluation: 'Målene er nået. Rettet.' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await row(ids.drengCourse)).toMatchObject({ evaluation: 'Målene er nået. Rettet.', satisfaction: 5, benefit: null, answer_source: 'citizen' });
  });

  it('expires unanswered after its last day; staff may then enter the answers instead', async () => {
    await at('2026-11-26T09:00:00Z', ['contact']);
    const res = await saveConversation(contact, ids.einerCourse, citizenAnswers);
    expect(res.json<ClosingOverview>().conversation?.citizenQuestionnaire?.dueOn).toBe('2026-12-10');
    const id = res.json<ClosingOverview>().conversation!.id;
    await at('2026-12-11T08:00:00Z', ['contact', 'ballerupContact', 'coordinator', 'einer']);
    expect((await mine(einer)).map((q) => q.state)).toEqual(['expired']);
    const late = await answer(einer, id, { satisfaction: 4, benefit: 4 });
    expect(late.statusCode).toBe(409);
    expect(fieldsOf(late.body)).toEqual(['questionnaire:questionnaire_expired']);
    expect((await closing(ids.einerCourse)).conversation).toMatchObject({ questionnaire: 'citizen', citizenQuestionnaire: { state: 'expired' } });
    const byStaff = await saveConversation(contact, ids.einerCourse, { ...conversation, questionnaire: 'answered', satisfaction: 4, benefit: 2 });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect(byStaff.json<ClosingOverview>().conversation).toMatchObject({ questionnaire: 'answered', answerSource: 'staff', citizenQuestionnaire: null });
    expect(await mine(einer)).toEqual([]);
  });

  it('counts both sources in indicators 4 and 5 and says how many came from citizens, per municipality — as an independent count gives', async () => {
    const lonni = await saveConversation(ballerupContact, ids.lonniCourse, { ...conversation, questionnaire: 'answered', satisfaction: 2, benefit: 4 });
    expect(lonni.statusCode, lonni.body).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/api/reports?from=2026-01-01&to=2026-12-31', headers: coordinator.headers });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();

    const count = async (where: string) => Number((await sql<{ n: number }>`select count(*)::int as n from closing_conversation where ${sql.raw(where)}`.execute(database.db)).rows[0]?.n);
    const four = report.indicators.find((i) => i.number === 4)!;
    const five = report.indicators.find((i) => i.number === 5)!;
    expect([four.basis, four.citizenAnswers, four.value]).toEqual([await count('satisfaction is not null'), await count("satisfaction is not null and answer_source = 'citizen'"), (await count('satisfaction >= 4')) / 3]);
    expect([five.basis, five.citizenAnswers, five.value]).toEqual([await count('benefit is not null'), await count("benefit is not null and answer_source = 'citizen'"), (await count('benefit >= 4')) / 2]);
    expect([four.basis, four.citizenAnswers, five.basis, five.citizenAnswers]).toEqual([3, 1, 2, 0]);

    const table = report.tables.find((t) => t.id === 'questionnaire')!;
    expect(table.columns.map((c) => c.key)).toEqual(['answeredByCitizen', 'answeredByStaff', 'declined', 'awaitingCitizen', 'notAsked', 'conversations']);
    expect(table.rows.map((r) => [r.key, ...r.cells])).toEqual([
      ['0151', 0, 1, 0, 0, 0, 1],
      ['0159', 1, 1, 0, 0, 0, 2],
      ['total', 1, 2, 0, 0, 0, 3],
    ]);
    const indicatorRows = report.tables.find((t) => t.id === 'indicators')!.rows.filter((r) => r.key.endsWith('_citizen'));
    expect(indicatorRows.map((r) => [r.key, r.cells[0]])).toEqual([['indicator_4_citizen', 1], ['indicator_5_citizen', 0]]);

    // Published (small numbers hidden): one citizen answer is not shown anywhere.
    const published = (await app.inject({ method: 'GET', url: '/api/reports?from=2026-01-01&to=2026-12-31&suppress=true', headers: coordinator.headers })).json<Report>();
    expect(published.indicators.find((i) => i.number === 4)?.citizenAnswers).toBeNull();
    expect(published.tables.find((t) => t.id === 'questionnaire')?.rows.find((r) => r.key === 'total')?.cells[0]).toBeNull();

    // The exports carry the same table.
    const csv = await app.inject({ method: 'GET', url: '/api/reports/export?from=2026-01-01&to=2026-12-31&format=csv', headers: coordinator.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Besvaret af borgeren selv');
    expect(csv.body).toContain('heraf besvaret af borgeren selv på egen telefon');
  });
});
