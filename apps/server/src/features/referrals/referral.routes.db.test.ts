import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const RASMUS = '0504909989';
const NIELS = '3001749995';
const X_ECPR = '0703921VJ4';

let database: Database;
let app: App;
let gladsaxe: SignedInClient;
let ballerup: SignedInClient;
let coordinator: SignedInClient;
const ids: Record<string, string> = {};

const body = (over: Record<string, unknown> = {}) => ({
  citizen: { cpr: RASMUS, givenName: 'Rasmus Test', familyName: 'Lauridsen', addressLine: 'Testgrusgraven 3', postalCode: '2860', city: 'Søborg' },
  receivedOn: '2026-11-16',
  source: 'gp',
  legalBasis: 'SUL119',
  referringOrganisationId: ids.gp,
  diagnosisCode: 'DC50',
  treatmentStatus: 'under_treatment',
  treatmentStartedOn: '2026-10-01',
  targetGroup: 'in_group',
  ...over,
});

async function count(table: 'citizen' | 'referral' | 'course'): Promise<number> {
  const r = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await db.insertInto('diagnosis').values([{ code: 'DC50', title_da: 'Brystkræft', title_en: 'Breast', uncertain: false }, { code: 'DC34', title_da: 'Lungekræft', uncertain: true }]).execute();
  ids.gp = (await db.insertInto('organisation').values({ kind: 'gp_clinic', name: 'Lægehuset Test' }).returning('id').executeTakeFirstOrThrow()).id;
  const hospital = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Testhospitalet' }).returning('id').executeTakeFirstOrThrow()).id;
  ids.dept = (await db.insertInto('organisation').values({ kind: 'hospital_department', name: 'Onkologisk afdeling', parent_id: hospital }).returning('id').executeTakeFirstOrThrow()).id;
  ids.gladsaxeContact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  ids.ballerupContact = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  ids.coordinator = await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] });
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  gladsaxe = await signIn(app, ids.gladsaxeContact);
  ballerup = await signIn(app, ids.ballerupContact);
  coordinator = await signIn(app, ids.coordinator);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (client: SignedInClient, payload: unknown) => app.inject({ method: 'POST', url: '/api/referrals', headers: client.headers, payload: payload as object });

describe('POST /api/referrals — refusals name the field and store nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an impossible CPR date', { citizen: { cpr: '3102609995', givenName: 'A', familyName: 'B' } }, 'citizen.cpr'],
    ['29 February of a non-leap century', { citizen: { cpr: '2902000000', givenName: 'A', familyName: 'B' } }, 'citizen.cpr'],
    ['a received date in the future', { receivedOn: '2026-11-23' }, 'receivedOn'],
    ['admitted individually without justification', { targetGroup: 'admitted_individual' }, 'targetGroupJustification'],
    ['outside without reasons', { targetGroup: 'outside' }, 'targetGroupReasons'],
    ['an unknown diagnosis', { diagnosisCode: 'DC99' }, 'diagnosisCode'],
    ['a treatment ending before it started', { treatmentEndedOn: '2026-09-01' }, 'treatmentEndedOn'],
    ['GOP with another legal basis', { source: 'hospital_gop', legalBasis: 'SUL119', dischargedOn: '2026-11-10' }, 'legalBasis'],
    ['§140 without discharge date', { source: 'hospital_gop', legalBasis: undefined, referringOrganisationId: ids.dept }, 'dischargedOn'],
    ['a GP referral naming no organisation', { referringOrganisationId: undefined }, 'referringOrganisationId'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
    ['a new citizen without a name', { citizen: { cpr: RASMUS } }, 'citizen.givenName'],
  ];
  it.each(cases)('%s → 400 naming %s', async (_what, over, field) => {
    const before = [await count('citizen'), await count('referral'), await count('course')];
    const res = await post(gladsaxe, body(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect([await count('citizen'), await count('referral'), await count('course')]).toEqual(before);
  });
});

describe('POST /api/referrals — an empty form', () => {
  // What the web form sends untouched (empty fields left out), and with nothing at all but the CPR field.
  it.each([
    ['as the web form sends it', { citizen: { cpr: '' }, receivedOn: '2026-11-22' }],
    ['with every field left out', { citizen: { cpr: '' } }],
  ])('%s → one 400 naming every missing field (issue 10.18)', async (_what, payload) => {
    const res = await post(gladsaxe, payload);
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    for (const field of ['citizen.cpr', 'citizen.givenName', 'citizen.familyName', 'source', 'legalBasis', 'diagnosisCode', 'treatmentStatus', 'targetGroup']) {
      expect(fields, field).toContain(field);
    }
  });
});

describe('POST /api/referrals', () => {
  it('creates the citizen from the CPR and opens the course, audited', async () => {
    const res = await post(gladsaxe, body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ citizenCreated: true, linkedTo: null, courseClosed: false });
    ids.rasmus = r.citizenId;
    ids.firstCourse = r.courseId;
    const c = await database.db.selectFrom('citizen').selectAll().where('id', '=', r.citizenId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ cpr: RASMUS, sex: 'M', birth_date: '1990-04-05', home_municipality_code: '0159' });
    const k = await database.db.selectFrom('course').selectAll().where('id', '=', r.courseId).executeTakeFirstOrThrow();
    expect(k.opened_on).toBe('2026-11-16');
    const events = await listAuditEvents(database.db, { citizenId: r.citizenId, actorUserId: ids.gladsaxeContact! });
    expect(events.map((e) => e.action).sort()).toEqual(['citizen.create', 'referral.create']);
  });

  it('refuses a second referral during an open course with 409 and the open course, unless confirmed — then links it', async () => {
    const again = await post(gladsaxe, body({ receivedOn: '2026-11-20' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ field: 'allowDuplicate' });
    expect(again.json().error.fields[0].message).toContain(ids.firstCourse);
    const confirmed = await post(gladsaxe, body({ receivedOn: '2026-11-20', allowDuplicate: true }));
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ citizenCreated: false, linkedTo: { courseId: ids.firstCourse } });
    const ref = await database.db.selectFrom('referral').select('linked_referral_id').where('id', '=', confirmed.json().referralId).executeTakeFirstOrThrow();
    expect(ref.linked_referral_id).not.toBeNull();
    // Each course page shows the other referral, in its direction.
    const page = async (courseId: string) => (await app.inject({ method: 'GET', url: `/api/courses/${courseId}`, headers: gladsaxe.headers })).json();
    const second = confirmed.json();
    expect((await page(second.courseId)).linkedReferrals).toEqual([{ referralId: ref.linked_referral_id, courseId: ids.firstCourse, receivedOn: '2026-11-16', closedOn: null, direction: 'links_to' }]);
    expect((await page(ids.firstCourse!)).linkedReferrals).toEqual([{ referralId: second.referralId, courseId: second.courseId, receivedOn: '2026-11-20', closedOn: null, direction: 'linked_from' }]);
  });

  it('derives §140 for a GOP and records discharge and clinical start', async () => {
    const res = await post(gladsaxe, body({ citizen: { cpr: NIELS, givenName: 'Niels Test', familyName: 'Vendelboe' }, source: 'hospital_gop', legalBasis: undefined, referringOrganisationId: ids.dept, dischargedOn: '2026-11-14', planClinicalStartOn: '2026-11-28' }));
    expect(res.statusCode, res.body).toBe(201);
    const r = await database.db.selectFrom('referral').selectAll().where('id', '=', res.json().referralId).executeTakeFirstOrThrow();
    expect(r).toMatchObject({ legal_basis: 'SUL140', discharged_on: '2026-11-14', plan_clinical_start_on: '2026-11-28' });
  });

  it('accepts a replacement CPR, asking for the sex it lacks only when it has none', async () => {
    const res = await post(gladsaxe, body({ citizen: { cpr: X_ECPR, givenName: 'X', familyName: 'Test', protected: true }, targetGroup: 'admitted_individual', targetGroupReasons: ['treatment_ended_over_2_years'], targetGroupJustification: 'Svære senfølger; vurderet individuelt.' }));
    expect(res.statusCode, res.body).toBe(201);
    const c = await database.db.selectFrom('citizen').selectAll().where('id', '=', res.json().citizenId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ cpr: X_ECPR, sex: 'F', birth_date: '1992-03-07', name_address_protected: true });
  });

  it('records a referral outside the target group with its reasons and closes the course at once', async () => {
    await aCitizenWithCpr('0107729995');
    const res = await post(gladsaxe, body({ citizen: { cpr: '0107729995' }, targetGroup: 'outside', targetGroupReasons: ['no_functional_limits'] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().courseClosed).toBe(true);
    const k = await database.db.selectFrom('course').selectAll().where('id', '=', res.json().courseId).executeTakeFirstOrThrow();
    expect(k).toMatchObject({ closed_on: '2026-11-16', close_reason: 'not_in_target_group' });
  });

  it("discloses nothing of a citizen registered in another municipality, and changes nothing without a move date", async () => {
    const before = await database.db.selectFrom('citizen').selectAll().where('id', '=', ids.rasmus!).executeTakeFirstOrThrow();
    // Ballerup types another name and address for Gladsaxe's citizen: no name required of a known record today.
    const res = await post(ballerup, body({ citizen: { cpr: RASMUS, addressLine: 'Testvej 9', postalCode: '2750', city: 'Ballerup' }, referringOrganisationId: undefined, referringText: 'Lægerne i Ballerup' }));
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json().error.fields as { field: string; code: string }[]).map((f) => `${f.field} ${f.code}`);
    // The same questions as for a new citizen, and the move date.
    expect(fields).toEqual(expect.arrayContaining(['citizen.givenName required', 'citizen.familyName required', 'citizen.movedInOn move_date_required']));
    expect(res.body).not.toContain(before.given_name);
    expect(res.body).not.toContain(before.address_line!);
    expect(res.body).not.toContain('0159');
    const after = await database.db.selectFrom('citizen').selectAll().where('id', '=', ids.rasmus!).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it("does not tell whether another municipality's citizen is deceased, nor when", async () => {
    const citizenId = await aCitizenWithCpr('1502799995');
    await database.db.updateTable('citizen').set({ deceased_on: '2026-10-03' }).where('id', '=', citizenId).execute();
    const named = { givenName: 'Max Test', familyName: 'Berggren' };
    const without = await post(ballerup, body({ citizen: { cpr: '1502799995', ...named } }));
    expect(without.statusCode).toBe(400);
    expect(without.body).not.toContain('2026-10-03');
    expect((without.json().error.fields as { code: string }[]).map((f) => f.code)).not.toContain('citizen_deceased');
    const moved = await post(ballerup, body({ citizen: { cpr: '1502799995', ...named, movedInOn: '2026-11-01' } }));
    expect(moved.statusCode).toBe(400);
    expect(moved.body).not.toContain('2026-10-03');
  });

  it('moves a citizen of another municipality on a confirmed date: the old course closes as moved, all audited', async () => {
    const { courseId: oldCourse } = await aReferralWithCourse(database.db, { citizenId: ids.rasmus!, homeMunicipalityCode: '0159', receivedOn: '2026-09-01' });
    const moving = { cpr: RASMUS, givenName: 'Rasmus Test', familyName: 'Lauridsen', addressLine: 'Testvej 9', postalCode: '2750', city: 'Ballerup' };
    const future = await post(ballerup, body({ citizen: { ...moving, movedInOn: '2026-11-23' }, referringOrganisationId: undefined, referringText: 'Lægerne i Ballerup' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.map((f: { field: string }) => f.field)).toContain('citizen.movedInOn');
    const res = await post(ballerup, body({ citizen: { ...moving, movedInOn: '2026-11-10' }, referringOrganisationId: undefined, referringText: 'Lægerne i Ballerup' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ citizenCreated: false, linkedTo: null });
    const c = await database.db.selectFrom('citizen').selectAll().where('id', '=', ids.rasmus!).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ home_municipality_code: '0151', address_line: 'Testvej 9', city: 'Ballerup' });
    const old = await database.db.selectFrom('course').selectAll().where('id', '=', oldCourse).executeTakeFirstOrThrow();
    expect(old).toMatchObject({ closed_on: '2026-11-10', close_reason: 'moved' });
    const events = await listAuditEvents(database.db, { citizenId: ids.rasmus!, actorUserId: ids.ballerupContact! });
    expect(events.find((e) => e.action === 'citizen.move')?.detail).toMatchObject({ movedFrom: '0159', movedTo: '0151', movedInOn: '2026-11-10' });
    expect(events.find((e) => e.action === 'course.close' && e.entityId === oldCourse)?.detail).toMatchObject({ reason: 'moved' });
  });

  it('refuses a coordinator, audited', async () => {
    const res = await post(coordinator, body());
    expect(res.statusCode).toBe(403);
  });
});

async function aCitizenWithCpr(cpr: string): Promise<string> {
  const r = await database.db
    .insertInto('citizen')
    .values({ cpr, given_name: 'Max Test', family_name: 'Berggren', sex: 'M', birth_date: '1972-07-01', home_municipality_code: '0159' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe('POST /api/citizens/lookup', () => {
  it('tells a known citizen with the open course, and audits the lookup', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/citizens/lookup', payload: { cpr: `${NIELS.slice(0, 6)}-${NIELS.slice(6)}` }, headers: gladsaxe.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ known: true, citizen: { name: 'Niels Test Vendelboe', identifier: '300174-9995' }, birthDate: '1974-01-30', sex: 'M' });
    expect(res.json().openCourse).not.toBeNull();
    const events = await listAuditEvents(database.db, { actorUserId: ids.gladsaxeContact! });
    expect(events.some((e) => e.action === 'citizen.lookup')).toBe(true);
  });
  it("gives another municipality no name", async () => {
    const res = await app.inject({ method: 'POST', url: '/api/citizens/lookup', payload: { cpr: NIELS }, headers: ballerup.headers });
    expect(res.json()).toMatchObject({ known: false, citizen: null, openCourse: null });
  });
  it('refuses an impossible CPR naming cpr', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/citizens/lookup', payload: { cpr: '3204601234' }, headers: gladsaxe.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('cpr');
  });
  it('takes no CPR in the URL: URLs end up in logs', async () => {
    // (GET /api/citizens/lookup is only GET /api/citizens/:citizenId with a bad id.)
    const res = await app.inject({ method: 'GET', url: `/api/citizens/lookup?cpr=${NIELS}`, headers: gladsaxe.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['params.citizenId']);
  });
});

describe('POST /api/citizens/:id/deceased', () => {
  it("closes the citizen's open courses in the municipality with reason 'died'", async () => {
    const citizenId = await aCitizenWithCpr('1502779995');
    const { courseId } = await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-11-02' });
    const res = await app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/deceased`, headers: gladsaxe.headers, payload: { deceasedOn: '2026-11-20' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().closedCourseIds).toEqual([courseId]);
    const k = await database.db.selectFrom('course').selectAll().where('id', '=', courseId).executeTakeFirstOrThrow();
    expect(k).toMatchObject({ closed_on: '2026-11-20', close_reason: 'died' });
    const events = await listAuditEvents(database.db, { citizenId });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['citizen.deceased', 'course.close']));
  });
  it('refuses a date in the future, naming deceasedOn', async () => {
    const citizenId = await aCitizenWithCpr('2512489996');
    const res = await app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/deceased`, headers: gladsaxe.headers, payload: { deceasedOn: '2026-12-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('deceasedOn');
  });
  it("refuses another municipality's staff", async () => {
    const citizenId = await aCitizenWithCpr('2509479989');
    const res = await app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/deceased`, headers: ballerup.headers, payload: { deceasedOn: '2026-11-20' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('reference lists for the form', () => {
  it('lists organisations by kind, and diagnoses with the uncertain flag', async () => {
    const orgs = await app.inject({ method: 'GET', url: '/api/organisations?kind=hospital_department', headers: gladsaxe.headers });
    expect(orgs.json()).toEqual([{ id: ids.dept, kind: 'hospital_department', name: 'Onkologisk afdeling', parentName: 'Testhospitalet', ydernummer: null, sorCode: null, address: null, addressable: false }]);
    const dx = await app.inject({ method: 'GET', url: '/api/diagnoses', headers: gladsaxe.headers });
    expect(dx.json()).toContainEqual({ code: 'DC34', titleDa: 'Lungekræft', titleEn: null, uncertain: true });
  });
});
