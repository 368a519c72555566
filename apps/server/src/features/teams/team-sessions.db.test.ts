import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment, SessionDetail, TeamDetail, TeamSession, TeamSummary } from '@samkraft/contracts/teams';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { TEST_PERSONS } from '../demo/demo-people.data.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';
import { endEnrolmentEarly, enrol } from './enrolment.service.ts';

// Monday 23 November 2026, 10:00 in Denmark.
const NOW = '2026-11-23T09:00:00Z';
const GLADSAXE = '0159';
const BALLERUP = '0151';

let database: Database;
let app: App;
let therapist: SignedInClient;
const id: Record<string, string> = {};

async function anAcceptedReferral(db: Db, givenName: string, offering = id.offering!, code = 'men_training'): Promise<{ citizenId: string; crossReferralId: string }> {
  const citizenId = await aCitizen(db, { homeMunicipalityCode: BALLERUP, givenName, birthDate: '1958-03-14' });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: BALLERUP, receivedOn: '2026-10-20' });
  const crossReferralId = await aCrossReferral(db, { courseId, offeringId: offering, interventionCode: code, providerMunicipalityCode: GLADSAXE, receivedOn: '2026-10-30' });
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-02' }).where('id', '=', crossReferralId).execute();
  return { citizenId, crossReferralId };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, GLADSAXE, 'Gladsaxe');
  await aMunicipality(db, BALLERUP, 'Ballerup');
  await seedDeadlineDefaults(db);
  await anIntervention(db, 'men_training');
  await db.insertInto('intervention_dose_part').values({ intervention_code: 'men_training', part: 'training', sessions: 29, per_week: 2, minutes: 60 }).execute();
  await db
    .insertInto('intervention')
    .values({ code: 'livskraft_test', name_da: 'Livskraft (test)', name_en: 'Livskraft (test)', category: 'patient_education', form: 'team', team_mode: 'cohort', cohort_follow_up_weeks: 8 })
    .execute();
  await db.insertInto('intervention_dose_part').values({ intervention_code: 'livskraft_test', part: 'teaching', sessions: 7, per_week: 1, minutes: 150 }).execute();
  id.offering = await anOffering(db, { interventionCode: 'men_training', hostMunicipalityCode: GLADSAXE });
  id.cohortOffering = await anOffering(db, { interventionCode: 'livskraft_test', hostMunicipalityCode: GLADSAXE });
  id.therapist = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' });
  id.ballerupTherapist = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['therapist'] });
  app = await createTestApp(database, { now: NOW });
  therapist = await signIn(app, id.therapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function aTeam(o: Record<string, unknown> = {}): Promise<TeamSummary> {
  const payload = {
    offeringId: id.offering,
    name: 'Træning for mænd',
    mode: 'rolling',
    capacity: 12,
    startsOn: '2026-11-02',
    room: 'Træningssal 1',
    schedule: [
      { weekday: 2, startTime: '10:00', durationMinutes: 60 },
      { weekday: 4, startTime: '10:00', durationMinutes: 60 },
    ],
    ...o,
  };
  const res = await app.inject({ method: 'POST', url: '/api/teams', headers: therapist.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const api = {
  generate: (teamId: string, from: string, to: string) => app.inject({ method: 'POST', url: `/api/teams/${teamId}/sessions/generate`, headers: therapist.headers, payload: { from, to } }),
  team: async (teamId: string) => (await app.inject({ method: 'GET', url: `/api/teams/${teamId}`, headers: therapist.headers })).json<TeamDetail>(),
  enrol: (teamId: string, crossReferralId: string, startOn: string, quota?: number) =>
    app.inject({ method: 'POST', url: `/api/teams/${teamId}/enrolments`, headers: therapist.headers, payload: { crossReferralId, startOn, ...(quota ? { quota } : {}) } }),
  mark: (sessionId: string, enrolmentId: string, status: string, cancelReason?: string) =>
    app.inject({ method: 'PUT', url: `/api/team-sessions/${sessionId}/attendance`, headers: therapist.headers, payload: { enrolmentId, status, ...(cancelReason ? { cancelReason } : {}) } }),
  cancel: (sessionId: string, reason: unknown, headers = therapist.headers) => app.inject({ method: 'POST', url: `/api/team-sessions/${sessionId}/cancel`, headers, payload: { reason } }),
  reinstate: (sessionId: string) => app.inject({ method: 'POST', url: `/api/team-sessions/${sessionId}/reinstate`, headers: therapist.headers }),
};

const fieldsOf = (body: string) => (JSON.parse(body) as { error: { fields: { field: string; code: string }[] } }).error.fields.map((f) => [f.field, f.code]);

describe('cancelling a session', () => {
  it('cancels with a reason, takes no attendance, uses no quota, and can be reinstated', async () => {
    const team = await aTeam({ name: 'Aflysningshold' });
    await api.generate(team.id, '2026-11-02', '2026-11-30');
    const { crossReferralId } = await anAcceptedReferral(database.db, 'Carl');
    const e = (await api.enrol(team.id, crossReferralId, '2026-11-10')).json<Enrolment>();
    const sessions = (await api.team(team.id)).sessions;
    const [s10, s12, s17] = ['2026-11-10', '2026-11-12', '2026-11-17'].map((d) => sessions.find((s) => s.date === d)!.id);

    const noReason = await api.cancel(s12!, '  ');
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.body)[0]?.[0]).toBe('reason');

    const cancelled = await api.cancel(s12!, 'Terapeuten er syg');
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<TeamSession>()).toMatchObject({ cancelled: true, cancelReason: 'Terapeuten er syg', kind: 'regular' });
    expect(fieldsOf((await api.cancel(s12!, 'Igen')).body)).toEqual([['sessionId', 'session_cancelled']]);
    expect(fieldsOf((await api.mark(s12!, e.id, 'attended')).body)).toEqual([['sessionId', 'session_cancelled']]);

    // The cancelled session is skipped in the count: 10 Nov is 1 of 29, 17 Nov is 2 of 29.
    expect((await api.mark(s10!, e.id, 'attended')).statusCode).toBe(200);
    const s17detail = (await app.inject({ method: 'GET', url: `/api/team-sessions/${s17}`, headers: therapist.headers })).json<SessionDetail>();
    expect(s17detail.participants.map((p) => [p.citizen.name, p.sessionNumber, p.counts.used])).toEqual([['Carl Testborger', 2, 1]]);
    const s12detail = (await app.inject({ method: 'GET', url: `/api/team-sessions/${s12}`, headers: therapist.headers })).json<SessionDetail>();
    expect(s12detail.participants.map((p) => p.sessionNumber)).toEqual([null]);

    // A held session cannot be cancelled.
    expect(fieldsOf((await api.cancel(s10!, 'For sent')).body)).toEqual([['sessionId', 'attendance_recorded']]);

    const back = await api.reinstate(s12!);
    expect(back.json<TeamSession>()).toMatchObject({ cancelled: false, cancelReason: null });
    expect(fieldsOf((await api.reinstate(s12!)).body)).toEqual([['sessionId', 'session_not_cancelled']]);
    const events = await listAuditEvents(database.db, { actorUserId: id.therapist! });
    expect(events.filter((x) => x.entityId === s12 && ['team_session.cancel', 'team_session.reinstate'].includes(x.action)).map((x) => x.action).sort()).toEqual(['team_session.cancel', 'team_session.reinstate']);
  });

  it('is refused to another municipality, and the refusal is audited', async () => {
    const team = await aTeam({ name: 'Fremmed hold' });
    await api.generate(team.id, '2026-11-24', '2026-11-24');
    const [session] = (await api.team(team.id)).sessions;
    const ballerup = await signIn(app, id.ballerupTherapist!);
    expect((await api.cancel(session!.id, 'Syg', ballerup.headers)).statusCode).toBe(403);
    const denied = await listAuditEvents(database.db, { actorUserId: id.ballerupTherapist! });
    expect(denied.some((x) => x.action === 'team_session.cancel' && x.outcome === 'denied')).toBe(true);
  });
});

describe('the waiting list', () => {
  it('gives raised capacity to the longest-waiting, starting at the next session on or after today', async () => {
    const team = await aTeam({ name: 'Fuldt hold', capacity: 1 });
    await api.generate(team.id, '2026-11-02', '2026-12-04');
    const people = [];
    for (const name of ['Anna', 'Bodil', 'Cecilie', 'Dorthe']) people.push(await anAcceptedReferral(database.db, name));
    const ids: string[] = [];
    for (const p of people) ids.push((await api.enrol(team.id, p.crossReferralId, '2026-11-17')).json<Enrolment>().id);

    const tooFew = await app.inject({ method: 'PATCH', url: `/api/teams/${team.id}`, headers: therapist.headers, payload: { capacity: 0 } });
    expect(tooFew.statusCode).toBe(400);
    const res = await app.inject({ method: 'PATCH', url: `/api/teams/${team.id}`, headers: therapist.headers, payload: { capacity: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TeamSummary>()).toMatchObject({ capacity: 3, enrolled: 3, waiting: 1 });
    const detail = await api.team(team.id);
    // Monday 23 November: the next session is Tuesday the 24th.
    expect(ids.map((x) => detail.enrolments.find((e) => e.id === x)).map((e) => [e?.citizen.name, e?.status, e?.startOn])).toEqual([
      ['Anna Testborger', 'enrolled', '2026-11-17'],
      ['Bodil Testborger', 'enrolled', '2026-11-24'],
      ['Cecilie Testborger', 'enrolled', '2026-11-24'],
      ['Dorthe Testborger', 'waiting', null],
    ]);
    const lower = await app.inject({ method: 'PATCH', url: `/api/teams/${team.id}`, headers: therapist.headers, payload: { capacity: 2 } });
    expect(fieldsOf(lower.body)).toEqual([['capacity', 'too_small']]);
  });

  it('gives the seat freed by a quota reached to the next in line, and leaves an end set by the home side', async () => {
    const team = await aTeam({ name: 'Kvotehold', capacity: 1 });
    await api.generate(team.id, '2026-11-02', '2026-12-04');
    const first = await anAcceptedReferral(database.db, 'Erik');
    const second = await anAcceptedReferral(database.db, 'Frank');
    const e1 = (await api.enrol(team.id, first.crossReferralId, '2026-11-10', 1)).json<Enrolment>();
    const e2 = (await api.enrol(team.id, second.crossReferralId, '2026-11-10')).json<Enrolment>();
    expect(e2.status).toBe('waiting');
    // The home side already closed the referral (e.g. a status note): its end is never overwritten.
    await database.db.updateTable('cross_referral').set({ ended_on: '2026-11-20', end_reason: 'other' }).where('id', '=', first.crossReferralId).execute();
    const s19 = (await api.team(team.id)).sessions.find((s) => s.date === '2026-11-19')!.id;
    expect((await api.mark(s19, e1.id, 'attended')).statusCode).toBe(200);
    const rows = await database.db.selectFrom('cross_referral').select(['id', 'started_on', 'ended_on', 'end_reason']).where('id', 'in', [first.crossReferralId, second.crossReferralId]).execute();
    expect(rows.find((r) => r.id === first.crossReferralId)).toMatchObject({ started_on: '2026-11-19', ended_on: '2026-11-20', end_reason: 'other' });
    expect(rows.find((r) => r.id === second.crossReferralId)).toMatchObject({ started_on: null, ended_on: null });
    const detail = await api.team(team.id);
    expect(detail.enrolments.map((e) => [e.citizen.name, e.status, e.startOn, e.endReason])).toEqual([
      ['Erik Testborger', 'ended', '2026-11-10', 'quota_reached'],
      ['Frank Testborger', 'enrolled', '2026-11-24', null],
    ]);
  });

  it('refuses an end before a session the citizen already used', async () => {
    const team = await aTeam({ name: 'Slutdatohold' });
    await api.generate(team.id, '2026-11-02', '2026-11-30');
    const p = await anAcceptedReferral(database.db, 'Gitte');
    const e = (await api.enrol(team.id, p.crossReferralId, '2026-11-10')).json<Enrolment>();
    const s19 = (await api.team(team.id)).sessions.find((s) => s.date === '2026-11-19')!.id;
    await api.mark(s19, e.id, 'no_show');
    const res = await app.inject({ method: 'POST', url: `/api/enrolments/${e.id}/end`, headers: therapist.headers, payload: { endedOn: '2026-11-18', endReason: 'dropped_out' } });
    expect(fieldsOf(res.body)).toEqual([['endedOn', 'before_attendance']]);
    const row = await database.db.selectFrom('enrolment').select('status').where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('enrolled');
  });

  it('never exceeds capacity when ends and enrolments race: 6 ends and 20 enrolments into 6 seats', async () => {
    const team = await aTeam({ name: 'Kapløbshold', capacity: 6 });
    const actor: StaffActor = { kind: 'staff', userId: id.therapist!, username: 'terapeut', displayName: 'Terapeut', municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' };
    const ctx = { db: database.db, actor, clock: fixedClock(NOW) };
    const seated: Enrolment[] = [];
    for (let i = 0; i < 6; i++) seated.push(await enrol(ctx, team.id, { crossReferralId: (await anAcceptedReferral(database.db, `Siddende${i}`)).crossReferralId, startOn: '2026-11-17' }));
    const newcomers: string[] = [];
    for (let i = 0; i < 20; i++) newcomers.push((await anAcceptedReferral(database.db, `Ny${i}`)).crossReferralId);
    await Promise.all([
      ...seated.map((e) => endEnrolmentEarly(ctx, e.id, { endedOn: '2026-11-20', endReason: 'dropped_out' })),
      ...newcomers.map((crossReferralId) => enrol(ctx, team.id, { crossReferralId, startOn: '2026-11-24' })),
    ]);
    const rows = await database.db.selectFrom('enrolment').select(['status']).where('team_id', '=', team.id).execute();
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(6);
    expect(rows.filter((r) => r.status === 'ended')).toHaveLength(6);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(14);
  });
});

describe('cohort teams', () => {
  it('plans 6 weekly sessions and a follow-up, starts everyone at the first, and closes when it has begun', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: therapist.headers,
      payload: { offeringId: id.cohortOffering, name: 'Livskraft, vinter', mode: 'cohort', capacity: 10, startsOn: '2026-11-23', schedule: [{ weekday: 1, startTime: '13:00', durationMinutes: 150 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json<TeamSummary>();
    expect(team.sessionQuota).toBe(7);
    const generated = await api.generate(team.id, '2026-11-23', '2026-11-23');
    expect(generated.statusCode, generated.body).toBe(200);
    const detail = await api.team(team.id);
    // Monday 7 December is not closed; 28 December neither; the follow-up is 8 weeks after 28 Dec.
    expect(detail.sessions.map((s) => [s.date, s.kind])).toEqual([
      ['2026-11-23', 'regular'],
      ['2026-11-30', 'regular'],
      ['2026-12-07', 'regular'],
      ['2026-12-14', 'regular'],
      ['2026-12-21', 'regular'],
      ['2026-12-28', 'regular'],
      ['2027-02-22', 'follow_up'],
    ]);
    expect(detail.cohortStarted).toBe(false);
    const p = await anAcceptedReferral(database.db, 'Hanne', id.cohortOffering, 'livskraft_test');
    const e = (await api.enrol(team.id, p.crossReferralId, '2026-12-01')).json<Enrolment>();
    expect([e.status, e.startOn, e.quota]).toEqual(['enrolled', '2026-11-23', 7]);

    // After the first session has begun (13:00 Danish time), newcomers wait for the next cohort.
    const later = await createTestApp(database, { now: '2026-11-23T12:30:00Z' });
    try {
      const t = await signIn(later, id.therapist!);
      const q = await anAcceptedReferral(database.db, 'Inge', id.cohortOffering, 'livskraft_test');
      const waiting = await later.inject({ method: 'POST', url: `/api/teams/${team.id}/enrolments`, headers: t.headers, payload: { crossReferralId: q.crossReferralId, startOn: '2026-11-30' } });
      expect(waiting.json<Enrolment>()).toMatchObject({ status: 'waiting', startOn: null });
      const admit = await later.inject({ method: 'POST', url: `/api/enrolments/${waiting.json<Enrolment>().id}/admit`, headers: t.headers, payload: { startOn: '2026-11-30' } });
      expect(fieldsOf(admit.body)).toEqual([['enrolmentId', 'cohort_started']]);
      expect((await later.inject({ method: 'GET', url: `/api/teams/${team.id}`, headers: t.headers })).json<TeamDetail>().cohortStarted).toBe(true);
    } finally {
      await later.close();
    }
  });
});

describe('the printable team list', () => {
  it('lists each participant with the session of their quota, no CPR, and audits each citizen', async () => {
    const team = await aTeam({ name: 'Holdliste-hold' });
    await api.generate(team.id, '2026-11-02', '2026-11-30');
    const a = await anAcceptedReferral(database.db, 'Jens');
    const b = await anAcceptedReferral(database.db, 'Karen');
    // An official test person's CPR (never invented), to show it does not reach the paper.
    const lonni = TEST_PERSONS.lonni;
    await database.db.updateTable('citizen').set({ cpr: lonni.cpr, pseudonym: null, birth_date: '1960-01-02' }).where('id', '=', a.citizenId).execute();
    const ea = (await api.enrol(team.id, a.crossReferralId, '2026-11-10')).json<Enrolment>();
    const eb = (await api.enrol(team.id, b.crossReferralId, '2026-11-17')).json<Enrolment>();
    const sessions = (await api.team(team.id)).sessions;
    const at = (d: string) => sessions.find((s) => s.date === d)!.id;
    await api.mark(at('2026-11-10'), ea.id, 'attended');
    await api.mark(at('2026-11-12'), ea.id, 'cancelled', 'Til kontrol');
    await api.mark(at('2026-11-17'), ea.id, 'no_show');
    await api.mark(at('2026-11-24'), eb.id, 'cancelled', 'Kemo');

    const res = await app.inject({ method: 'GET', url: `/api/team-sessions/${at('2026-11-24')}/team-list.pdf`, headers: therapist.headers });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdfText(res.rawPayload);
    expect(text).toContain('Holdliste: Holdliste-hold');
    expect(text).toContain('24. november 2026 kl. 10:00');
    expect(text).toContain('Lokale: Træningssal 1');
    expect(text).toContain('Jens Testborger');
    expect(text).toContain('1960');
    expect(text).toContain('3/29');
    expect(text).toContain('Karen Testborger');
    expect(text).toContain('Afbud meldt: Kemo');
    expect(text).toContain('Underskrift');
    expect(text).not.toContain(lonni.cpr.slice(0, 6));
    expect(text).not.toContain('P-');

    const events = await listAuditEvents(database.db, { actorUserId: id.therapist! });
    const listed = events.filter((x) => x.action === 'team_list.pdf' && x.entityId === at('2026-11-24'));
    expect(listed.map((x) => x.citizenId).sort()).toEqual([a.citizenId, b.citizenId].sort());
    const ballerup = await signIn(app, id.ballerupTherapist!);
    expect((await app.inject({ method: 'GET', url: `/api/team-sessions/${at('2026-11-24')}/team-list.pdf`, headers: ballerup.headers })).statusCode).toBe(403);
  });
});
