import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment, SessionDetail, SessionGenerateResult, TeamDetail, TeamList, TeamSummary } from '@samkraft/contracts/teams';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { aClosingDay, seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';
import { enrol } from './enrolment.service.ts';

// Monday 23 November 2026, in Denmark.
const NOW = '2026-11-23T09:00:00Z';
const GLADSAXE = '0159';
const BALLERUP = '0151';

let database: Database;
let app: App;
let therapist: SignedInClient;
const id: Record<string, string> = {};

/** A Ballerup citizen with a sent cross-municipal referral to the Gladsaxe offering, accepted by the provider. */
async function anAcceptedReferral(db: Db, givenName: string): Promise<{ citizenId: string; crossReferralId: string }> {
  const citizenId = await aCitizen(db, { homeMunicipalityCode: BALLERUP, givenName });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: BALLERUP, receivedOn: '2026-10-20' });
  const crossReferralId = await aCrossReferral(db, { courseId, offeringId: id.offering!, interventionCode: 'men_training', providerMunicipalityCode: GLADSAXE, receivedOn: '2026-10-30' });
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-02' }).where('id', '=', crossReferralId).execute();
  return { citizenId, crossReferralId };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, GLADSAXE, 'Gladsaxe');
  await aMunicipality(db, BALLERUP, 'Ballerup');
  await seedDeadlineDefaults(db);
  await aClosingDay(db, GLADSAXE, '2026-12-08');
  await anIntervention(db, 'men_training');
  await db.insertInto('intervention_dose_part').values({ intervention_code: 'men_training', part: 'training', sessions: 29, per_week: 2, minutes: 60 }).execute();
  id.offering = await anOffering(db, { interventionCode: 'men_training', hostMunicipalityCode: GLADSAXE });
  id.therapist = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' });
  id.gladsaxeContact = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['contact_person'] });
  id.ballerupTherapist = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['therapist'] });
  app = await createTestApp(database, { now: NOW });
  therapist = await signIn(app, id.therapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const newTeam = (o: Record<string, unknown> = {}) => ({
  offeringId: id.offering,
  name: 'Træning for mænd, tirsdag og torsdag',
  mode: 'rolling',
  capacity: 12,
  startsOn: '2026-11-02',
  room: 'Træningssal 1',
  schedule: [
    { weekday: 2, startTime: '10:00', durationMinutes: 60 },
    { weekday: 4, startTime: '10:00', durationMinutes: 60 },
  ],
  ...o,
});

async function createTeam(o: Record<string, unknown> = {}): Promise<TeamSummary> {
  const res = await app.inject({ method: 'POST', url: '/api/teams', headers: therapist.headers, payload: newTeam(o) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('teams', () => {
  it("creates a team of the municipality's offering with the intervention's dose as quota", async () => {
    const team = await createTeam();
    expect(team.sessionQuota).toBe(29);
    expect(team.schedule).toEqual([
      { weekday: 2, startTime: '10:00', durationMinutes: 60, room: 'Træningssal 1' },
      { weekday: 4, startTime: '10:00', durationMinutes: 60, room: 'Træningssal 1' },
    ]);
    const list = (await app.inject({ method: 'GET', url: '/api/teams', headers: therapist.headers })).json<TeamList>();
    expect(list.teams.map((t) => t.id)).toContain(team.id);
    expect(list.offerings.map((o) => [o.id, o.defaultQuota])).toEqual([[id.offering, 29]]);
  });

  it('is refused to other municipalities and to contact persons, and the refusal is audited', async () => {
    const team = await createTeam({ name: 'Privat hold' });
    const ballerup = await signIn(app, id.ballerupTherapist!);
    expect((await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: ballerup.headers })).statusCode).toBe(403);
    const denied = await listAuditEvents(database.db, { actorUserId: id.ballerupTherapist! });
    expect(denied.some((e) => e.action === 'team.read' && e.outcome === 'denied')).toBe(true);
    const foreign = await app.inject({ method: 'POST', url: '/api/teams', headers: ballerup.headers, payload: newTeam() });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields[0]).toMatchObject({ field: 'offeringId', code: 'invalid_value' });
    const contact = await signIn(app, id.gladsaxeContact!);
    expect((await app.inject({ method: 'GET', url: '/api/teams', headers: contact.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/teams', headers: contact.headers, payload: newTeam() })).statusCode).toBe(403);
    const refused = await listAuditEvents(database.db, { actorUserId: id.gladsaxeContact! });
    expect(refused.filter((e) => e.outcome === 'denied').map((e) => e.action)).toEqual(expect.arrayContaining(['team.list', 'team.create']));
  });

  it('refuses a schedule slot twice and an end before the start, naming the fields', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: therapist.headers,
      payload: newTeam({ endsOn: '2026-10-01', schedule: [{ weekday: 2, startTime: '10:00', durationMinutes: 60 }, { weekday: 2, startTime: '10:00', durationMinutes: 45 }] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['endsOn', 'before_start'],
      ['schedule.1', 'duplicate'],
    ]);
  });

  it('generates sessions in Danish time that skip Christmas, Easter and the closing days, once', async () => {
    const team = await createTeam({ name: 'Sessionshold' });
    const generate = () => app.inject({ method: 'POST', url: `/api/teams/${team.id}/sessions/generate`, headers: therapist.headers, payload: { from: '2026-12-01', to: '2027-04-02' } });
    const first = await generate();
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json<SessionGenerateResult>();
    expect(result.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-12-08', 'closing_day'],
      ['2026-12-24', 'closing_day'],
      ['2026-12-31', 'closing_day'],
      ['2027-03-25', 'public_holiday'],
    ]);
    const detail = (await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: therapist.headers })).json<TeamDetail>();
    const dates = detail.sessions.map((s) => s.date);
    expect(dates).toHaveLength(result.created);
    for (const closed of ['2026-12-08', '2026-12-24', '2026-12-31', '2027-03-25']) expect(dates).not.toContain(closed);
    expect(dates).toContain('2026-12-29');
    expect(detail.sessions.find((s) => s.date === '2026-12-01')?.startsAt).toBe('2026-12-01T09:00:00.000Z');
    expect(detail.sessions.find((s) => s.date === '2027-03-30')?.startsAt).toBe('2027-03-30T08:00:00.000Z');
    const again = (await generate()).json<SessionGenerateResult>();
    expect([again.created, again.existing]).toEqual([0, result.created]);
  });
});

describe('enrolment and attendance', () => {
  it('enrols an accepted referral, marks attendance and ends the enrolment at its quota', async () => {
    const team = await createTeam({ name: 'Fremmødehold' });
    await app.inject({ method: 'POST', url: `/api/teams/${team.id}/sessions/generate`, headers: therapist.headers, payload: { from: '2026-11-02', to: '2026-11-30' } });
    const { citizenId, crossReferralId } = await anAcceptedReferral(database.db, 'Erik');
    let detail = (await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: therapist.headers })).json<TeamDetail>();
    expect(detail.candidates.map((c) => c.crossReferralId)).toContain(crossReferralId);

    const res = await app.inject({ method: 'POST', url: `/api/teams/${team.id}/enrolments`, headers: therapist.headers, payload: { crossReferralId, startOn: '2026-11-10', quota: 2 } });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json<Enrolment>();
    expect([e.status, e.quota, e.startOn, e.citizen.name]).toEqual(['enrolled', 2, '2026-11-10', 'Erik Testborger']);
    // Enrolment is not the start: the referral starts on the first session attended.
    const referralRow = () => database.db.selectFrom('cross_referral').select(['started_on', 'ended_on', 'end_reason']).where('id', '=', crossReferralId).executeTakeFirstOrThrow();
    expect((await referralRow()).started_on).toBeNull();

    detail = (await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: therapist.headers })).json<TeamDetail>();
    const [s10, s12, s17, s19, s24] = ['2026-11-10', '2026-11-12', '2026-11-17', '2026-11-19', '2026-11-24'].map((d) => detail.sessions.find((s) => s.date === d)!.id);
    const mark = (sessionId: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/team-sessions/${sessionId}/attendance`, headers: therapist.headers, payload: { enrolmentId: e.id, ...payload } });

    const session = (await app.inject({ method: 'GET', url: `/api/team-sessions/${s10}`, headers: therapist.headers })).json<SessionDetail>();
    expect(session.participants.map((p) => [p.citizen.name, p.status])).toEqual([['Erik Testborger', null]]);

    expect((await mark(s10!, { status: 'attended' })).statusCode).toBe(200);
    expect((await referralRow()).started_on).toBe('2026-11-10');
    const noReason = await mark(s12!, { status: 'cancelled' });
    expect(noReason.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields[0]).toMatchObject({ field: 'cancelReason', code: 'reason_required' });
    expect((await mark(s12!, { status: 'cancelled', cancelReason: 'Træt efter kemo' })).statusCode).toBe(200);
    const future = await mark(s24!, { status: 'attended' });
    expect(future.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe('future_date');
    const last = await mark(s17!, { status: 'no_show' });
    expect(last.statusCode).toBe(200);
    expect(last.json<SessionDetail>().participants[0]).toMatchObject({ counts: { attended: 1, cancelled: 1, noShow: 1, used: 2 }, enrolmentStatus: 'ended' });

    const ended = await database.db.selectFrom('enrolment').select(['status', 'ended_on', 'end_reason']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'ended', ended_on: '2026-11-17', end_reason: 'quota_reached' });
    // The quota given in full is the referral completed.
    expect(await referralRow()).toEqual({ started_on: '2026-11-10', ended_on: '2026-11-17', end_reason: 'completed' });
    const after = await mark(s19!, { status: 'attended' });
    expect(after.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe('not_enrolled');
    const events = await listAuditEvents(database.db, { citizenId });
    expect(events.filter((x) => x.action === 'attendance.record' && x.outcome === 'allowed')).toHaveLength(3);
    expect(events.some((x) => x.action === 'enrolment.create')).toBe(true);
  });

  it('ends an enrolment early with a reason and admits the next from the waiting list at once', async () => {
    const team = await createTeam({ name: 'Lille hold', capacity: 1 });
    const a = await anAcceptedReferral(database.db, 'Anders');
    const b = await anAcceptedReferral(database.db, 'Bent');
    const post = (crossReferralId: string) => app.inject({ method: 'POST', url: `/api/teams/${team.id}/enrolments`, headers: therapist.headers, payload: { crossReferralId, startOn: '2026-11-16' } });
    const first = (await post(a.crossReferralId)).json<Enrolment>();
    const second = (await post(b.crossReferralId)).json<Enrolment>();
    expect([first.status, second.status]).toEqual(['enrolled', 'waiting']);
    expect((await post(a.crossReferralId)).statusCode).toBe(409);
    const full = await app.inject({ method: 'POST', url: `/api/enrolments/${second.id}/admit`, headers: therapist.headers, payload: { startOn: '2026-11-23' } });
    expect(full.statusCode).toBe(409);
    const end = await app.inject({ method: 'POST', url: `/api/enrolments/${first.id}/end`, headers: therapist.headers, payload: { endedOn: '2026-11-20', endReason: 'health_worsened' } });
    expect(end.json<Enrolment>()).toMatchObject({ status: 'ended', endReason: 'health_worsened', endedOn: '2026-11-20' });
    const referralA = await database.db.selectFrom('cross_referral').select(['ended_on', 'end_reason']).where('id', '=', a.crossReferralId).executeTakeFirstOrThrow();
    expect(referralA).toEqual({ ended_on: '2026-11-20', end_reason: 'health_worsened' });
    // No sessions are planned: the waiting citizen starts today (Monday 23 November).
    const detail = (await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: therapist.headers })).json<TeamDetail>();
    expect(detail.enrolments.find((x) => x.id === second.id)).toMatchObject({ status: 'enrolled', startOn: '2026-11-23' });
    const again = await app.inject({ method: 'POST', url: `/api/enrolments/${second.id}/admit`, headers: therapist.headers, payload: { startOn: '2026-11-23' } });
    expect(again.statusCode).toBe(409);
    const events = await listAuditEvents(database.db, { citizenId: b.citizenId });
    expect(events.find((x) => x.action === 'enrolment.admit')?.detail).toMatchObject({ automatic: true, cause: 'health_worsened', startOn: '2026-11-23' });
  });

  it('refuses a referral that was not sent to this municipality, and audits it', async () => {
    const team = await createTeam({ name: 'Andet hold' });
    const citizenId = await aCitizen(database.db, { homeMunicipalityCode: BALLERUP });
    const { courseId } = await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: BALLERUP });
    await anIntervention(database.db, 'breast_training');
    const ballerupOffering = await anOffering(database.db, { interventionCode: 'breast_training', hostMunicipalityCode: BALLERUP });
    const other = await aCrossReferral(database.db, { courseId, offeringId: ballerupOffering, interventionCode: 'breast_training', providerMunicipalityCode: BALLERUP });
    const res = await app.inject({ method: 'POST', url: `/api/teams/${team.id}/enrolments`, headers: therapist.headers, payload: { crossReferralId: other, startOn: '2026-11-16' } });
    expect(res.statusCode).toBe(404);
    const events = await listAuditEvents(database.db, { actorUserId: id.therapist! });
    expect(events.some((e) => e.action === 'enrolment.create' && e.outcome === 'denied' && e.entityId === other)).toBe(true);
    const detail = (await app.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: therapist.headers })).json<TeamDetail>();
    expect(detail.candidates.map((c) => c.citizen.id)).not.toContain(citizenId);
  });

  it('never exceeds capacity: 50 concurrent enrolments into 12 free seats give 12 enrolled and 38 waiting', async () => {
    const team = await createTeam({ name: 'Travlt hold', capacity: 12 });
    const referrals: string[] = [];
    for (let i = 0; i < 50; i++) referrals.push((await anAcceptedReferral(database.db, `Borger${i}`)).crossReferralId);
    const actor: StaffActor = { kind: 'staff', userId: id.therapist!, username: 'terapeut', displayName: 'Terapeut', municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' };
    const ctx = { db: database.db, actor, clock: fixedClock(NOW) };
    const results = await Promise.all(referrals.map((crossReferralId) => enrol(ctx, team.id, { crossReferralId, startOn: '2026-11-24' })));
    expect(results.filter((r) => r.status === 'enrolled')).toHaveLength(12);
    expect(results.filter((r) => r.status === 'waiting')).toHaveLength(38);
    const rows = await database.db.selectFrom('enrolment').select(['status']).where('team_id', '=', team.id).execute();
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(12);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(38);
  });
});
