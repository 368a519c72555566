import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseHospitalStay, HospitalNotificationSetting, HospitalNotificationSettings, TeamHospitalAbsences } from '@samkraft/contracts/hospital-notifications';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, anIntervention, anOffering, anOrganisation, aReferralWithCourse, aStaffUser, aTeamWithSession } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { aboutCitizen, asDeathNotice, hospitalNotificationFixture, ofStay } from '../medcom/hospitalnotification.test-helpers.ts';
import { receiveIncoming } from '../messaging/inbox.service.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

// Bruno Test Elmer and Cæsar Test Østergård (official test persons) are Gladsaxe's citizens, both
// on a team Herlev runs; only Bruno's referral was sent to Herlev (shared with his consent).
const GLADSAXE = '0159';
const HERLEV = '0163';
const BRUNO = '2509479989';
const CAESAR = { cpr: '2311143995', family: 'Østergård', given: ['Cæsar', 'Test'] };

let database: Database;
let app: App;
let admin: SignedInClient;
let lead: SignedInClient;
let contact: SignedInClient;
let herlevTherapist: SignedInClient;
let brunoCourse: string;
let teamId: string;
let brunoEnrolment: string;
const clock = fixedClock('2026-03-03T10:00:00Z');

async function call<T>(client: SignedInClient, method: 'GET' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: T; raw: string }> {
  const res = await app.inject({ method, url, headers: client.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: res.statusCode, body: JSON.parse(res.body) as T, raw: res.body };
}
const receive = (bundle: FhirBundle) => receiveIncoming({ db: database.db, clock }, { bytes: Buffer.from(JSON.stringify(bundle)) });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await anOrganisation(db, { kind: 'municipal_unit', municipalityCode: GLADSAXE, name: 'Sundhedsplejen, Aabenraa kommune', sorCode: '330461000016004', gln: '5790001353308' });
  const bruno = await aCitizen(db, { homeMunicipalityCode: GLADSAXE, cpr: BRUNO, givenName: 'Bruno Test', familyName: 'Elmer', sex: 'M', birthDate: '1947-09-25' });
  const caesar = await aCitizen(db, { homeMunicipalityCode: GLADSAXE, cpr: CAESAR.cpr, givenName: 'Cæsar Test', familyName: 'Østergård', sex: 'M', birthDate: '1914-11-23' });
  brunoCourse = (await aReferralWithCourse(db, { citizenId: bruno, homeMunicipalityCode: GLADSAXE })).courseId;
  const caesarCourse = (await aReferralWithCourse(db, { citizenId: caesar, homeMunicipalityCode: GLADSAXE })).courseId;
  const intervention = await anIntervention(db, 'hn_training');
  const offeringId = await anOffering(db, { interventionCode: intervention, hostMunicipalityCode: HERLEV });
  teamId = (await aTeamWithSession(db, { offeringId })).teamId;
  const shared = await aCrossReferral(db, { courseId: brunoCourse, offeringId, interventionCode: intervention, providerMunicipalityCode: HERLEV });
  const unshared = await aCrossReferral(db, { courseId: caesarCourse, offeringId, interventionCode: intervention, providerMunicipalityCode: HERLEV });
  await db.updateTable('cross_referral').set({ sent_at: null }).where('id', '=', unshared).execute();
  const enrol = async (crossReferralId: string) => (await db.insertInto('enrolment').values({ team_id: teamId, cross_referral_id: crossReferralId, status: 'enrolled', quota: 29, start_on: '2026-03-02' }).returning('id').executeTakeFirstOrThrow()).id;
  brunoEnrolment = await enrol(shared);
  await enrol(unshared);
  app = await createTestApp(database, { now: '2026-03-03T10:00:00Z' });
  admin = await signIn(app, await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['administrator'], displayName: 'Anne Admin' }));
  lead = await signIn(app, await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['municipal_lead'] }));
  contact = await signIn(app, await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['contact_person'] }));
  herlevTherapist = await signIn(app, await aStaffUser(db, { municipalityCode: HERLEV, roles: ['therapist'] }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the municipalities’ settings', () => {
  it('are off until an administrator turns one on; a lead sees their own but may not change it; the change is audited with before and after', async () => {
    expect((await call<HospitalNotificationSettings>(lead, 'GET', '/api/hospital-notifications/settings')).body).toEqual({
      settings: [{ municipalityCode: GLADSAXE, municipalityName: 'Gladsaxe', act: false, changedAt: null, changedByName: null }],
      canChange: false,
    });
    const all = (await call<HospitalNotificationSettings>(admin, 'GET', '/api/hospital-notifications/settings')).body;
    expect(all.canChange).toBe(true);
    expect(all.settings.length).toBe(9);
    expect(all.settings.every((s) => !s.act)).toBe(true);
    expect((await call(lead, 'PUT', `/api/hospital-notifications/settings/${GLADSAXE}`, { act: true })).status).toBe(403);
    expect((await call(contact, 'GET', '/api/hospital-notifications/settings')).status).toBe(403);
    const on = await call<HospitalNotificationSetting>(admin, 'PUT', `/api/hospital-notifications/settings/${GLADSAXE}`, { act: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ municipalityCode: GLADSAXE, act: true, changedByName: 'Anne Admin', changedAt: '2026-03-03T10:00:00.000Z' });
    const audited = await database.db.selectFrom('audit_event').select(['detail', 'outcome']).where('action', '=', 'hospital_notifications.setting.update').execute();
    expect(audited.map((a) => [a.outcome, a.detail])).toEqual([
      ['denied', { reason: 'role' }],
      ['allowed', { before: false, after: true }],
    ]);
    expect((await call(admin, 'PUT', `/api/hospital-notifications/settings/${GLADSAXE}`, { act: 'yes' })).status).toBe(400);
    expect((await call(admin, 'PUT', '/api/hospital-notifications/settings/0101', { act: true })).status).toBe(404);
  });
});

describe('an admission acted on', () => {
  it('shows on the course page of the home municipality — admitted since, the department — and not to the provider', async () => {
    await receive(hospitalNotificationFixture('STIN'));
    await receive(aboutCitizen(ofStay(hospitalNotificationFixture('STIN'), 2, 'caesar-stay'), CAESAR));
    const seen = await call<CourseHospitalStay>(contact, 'GET', `/api/courses/${brunoCourse}/hospital-stay`);
    expect(seen.body).toEqual({ stay: { kind: 'admitted', since: '2026-03-02T07:00:00.000Z', department: 'Hjerteafdelingen på Herlev og Gentofte hospital', onLeaveSince: null }, death: null });
    expect((await call(herlevTherapist, 'GET', `/api/courses/${brunoCourse}/hospital-stay`)).status).toBe(403);
  });

  it('shows on the provider’s team list only as “away at hospital”, and only for the citizen whose referral was shared with it; audited per citizen', async () => {
    const absences = await call<TeamHospitalAbsences>(herlevTherapist, 'GET', `/api/teams/${teamId}/hospital-absences`);
    expect(absences.body).toEqual({ enrolmentIds: [brunoEnrolment] });
    expect(absences.raw).not.toMatch(/Hjerteafdeling|2026-03-02/);
    const audited = await database.db.selectFrom('audit_event').select(['entity_id', 'detail']).where('action', '=', 'hospital_stay.read').where('entity_type', '=', 'enrolment').execute();
    expect(audited).toEqual([{ entity_id: brunoEnrolment, detail: { teamId, shown: 'absent' } }]);
    expect((await call(contact, 'GET', `/api/teams/${teamId}/hospital-absences`)).status).toBe(403);
  });

  it('a discharge clears both', async () => {
    await receive(hospitalNotificationFixture('SLHJ'));
    expect((await call<CourseHospitalStay>(contact, 'GET', `/api/courses/${brunoCourse}/hospital-stay`)).body).toEqual({ stay: null, death: null });
    expect((await call<TeamHospitalAbsences>(herlevTherapist, 'GET', `/api/teams/${teamId}/hospital-absences`)).body).toEqual({ enrolmentIds: [] });
  });
});

describe('a death the hospital reports', () => {
  it('is told to the home municipality on the course page until the contact person records it — then the course is closed and it is gone', async () => {
    await receive(hospitalNotificationFixture('STIN'));
    await receive(asDeathNotice(hospitalNotificationFixture('STIN'), '2026-03-10T07:15:00+01:00'));
    const seen = await call<CourseHospitalStay>(contact, 'GET', `/api/courses/${brunoCourse}/hospital-stay`);
    expect(seen.body).toEqual({ stay: null, death: { notifiedAt: '2026-03-10T06:15:00.000Z', department: 'Hjerteafdelingen på Herlev og Gentofte hospital' } });
    expect((await call(herlevTherapist, 'GET', `/api/courses/${brunoCourse}/hospital-stay`)).status).toBe(403);
    // Not at hospital any more for the team either.
    expect((await call<TeamHospitalAbsences>(herlevTherapist, 'GET', `/api/teams/${teamId}/hospital-absences`)).body).toEqual({ enrolmentIds: [] });
    const audited = await database.db.selectFrom('audit_event').select('detail').where('action', '=', 'hospital_stay.read').where('entity_id', '=', brunoCourse).execute();
    expect(audited.map((a) => a.detail)).toContainEqual({ kind: null, death: true });

    const citizenId = (await database.db.selectFrom('course as k').innerJoin('referral as r', 'r.id', 'k.referral_id').select('r.citizen_id').where('k.id', '=', brunoCourse).executeTakeFirstOrThrow()).citizen_id;
    const marked = await app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/deceased`, headers: contact.headers, payload: { deceasedOn: '2026-03-03' } });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await call<CourseHospitalStay>(contact, 'GET', `/api/courses/${brunoCourse}/hospital-stay`)).body).toEqual({ stay: null, death: null });
  });
});
