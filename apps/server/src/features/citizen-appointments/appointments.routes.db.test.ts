import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeedCreated, MyAppointment, MyAppointments } from '@samkraft/contracts/appointments';
import type { SessionDetail, TeamDetail } from '@samkraft/contracts/teams';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { demoCitizenSignIn, signInAsCitizen, type SignedInCitizen } from '../../test-support/citizen-sign-in.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';
// Monday 23 November 2026, 10:00 in Denmark.
const NOW = '2026-11-23T09:00:00Z';
const GLADSAXE = '0159';

let database: Database;
let app: App;
let einer: SignedInCitizen;
let lonni: SignedInCitizen;
let therapist: SignedInClient;
const id: Record<string, string> = {};

async function aSession(db: Db, teamId: string, startsAt: string, o: { cancelled?: boolean } = {}): Promise<string> {
  const r = await db
    .insertInto('team_session')
    .values({ team_id: teamId, starts_at: new Date(startsAt), duration_minutes: 60, ...(o.cancelled ? { cancelled: true, cancel_reason: 'Terapeuten er syg', cancelled_at: new Date(NOW) } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function anEnrolledCitizen(db: Db, citizenId: string, offeringId: string, teamIds: string[]): Promise<string[]> {
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: GLADSAXE, receivedOn: '2026-10-20' });
  const crossReferralId = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'fys_hold', providerMunicipalityCode: GLADSAXE, receivedOn: '2026-10-25' });
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-10-27' }).where('id', '=', crossReferralId).execute();
  const rows = await db
    .insertInto('enrolment')
    .values(teamIds.map((team_id) => ({ team_id, cross_referral_id: crossReferralId, status: 'enrolled' as const, start_on: '2026-11-02', quota: 29 })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, GLADSAXE, 'Gladsaxe');
  await anIntervention(db, 'fys_hold', { form: 'team' });
  await db.updateTable('intervention').set({ name_da: 'Fysisk træning på hold' }).where('code', '=', 'fys_hold').execute();
  id.offering = await anOffering(db, { interventionCode: 'fys_hold', hostMunicipalityCode: GLADSAXE });
  await db.updateTable('offering').set({ place_name: 'Sundhedscenter Gladsaxe', address: 'Søborg Hovedgade 1, 2860 Søborg' }).where('id', '=', id.offering).execute();
  const team = (name: string) =>
    db.insertInto('team').values({ offering_id: id.offering!, name, mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-11-02', room: 'Sal 2' }).returning('id').executeTakeFirstOrThrow();
  id.team = (await team('Træning for mænd')).id;
  id.otherTeam = (await team('Træning tirsdag')).id;
  id.past = await aSession(db, id.team, '2026-11-19T09:00:00Z'); // Thursday 19 Nov 10:00
  id.late = await aSession(db, id.team, '2026-11-23T17:00:00Z'); // today 18:00: 8 hours ahead
  id.ok = await aSession(db, id.team, '2026-11-25T09:00:00Z'); // Wednesday 25 Nov 10:00
  id.teamCancelled = await aSession(db, id.team, '2026-11-27T09:00:00Z', { cancelled: true });
  id.lonniOnly = await aSession(db, id.otherTeam, '2026-11-24T09:00:00Z');
  id.einer = await aCitizen(db, { homeMunicipalityCode: GLADSAXE, cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  id.lonni = await aCitizen(db, { homeMunicipalityCode: GLADSAXE, cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  id.einerEnrolment = (await anEnrolledCitizen(db, id.einer, id.offering, [id.team]))[0]!;
  id.lonniEnrolment = (await anEnrolledCitizen(db, id.lonni, id.offering, [id.team, id.otherTeam]))[0]!;
  await db.insertInto('attendance').values({ team_session_id: id.past, enrolment_id: id.einerEnrolment, team_id: id.team, status: 'attended' }).execute();
  id.therapist = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' });
  app = await createTestApp(database, { now: NOW, citizenSignIn: demoCitizenSignIn() });
  einer = await signInAsCitizen(app, EINER);
  lonni = await signInAsCitizen(app, LONNI);
  therapist = await signIn(app, id.therapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const appointments = async (c: SignedInCitizen) => {
  const res = await app.inject({ method: 'GET', url: '/api/borger/appointments', headers: c.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyAppointments>();
};
const cancel = (c: SignedInCitizen, sessionId: string, payload: Record<string, unknown> = { reason: 'illness' }) =>
  app.inject({ method: 'POST', url: `/api/borger/appointments/${sessionId}/cancel`, headers: c.headers, payload });
const einerOnTeam = async () => (await app.inject({ method: 'GET', url: `/api/teams/${id.team}`, headers: therapist.headers })).json<TeamDetail>().enrolments.find((e) => e.id === id.einerEnrolment)!;
const sessionList = async (sessionId: string) => (await app.inject({ method: 'GET', url: `/api/team-sessions/${sessionId}`, headers: therapist.headers })).json<SessionDetail>();
const einerOn = async (sessionId: string) => (await sessionList(sessionId)).participants.find((p) => p.enrolmentId === id.einerEnrolment)!;

describe('Mine aftaler: the citizen’s own sessions', () => {
  it('lists upcoming sessions soonest first with place, time and whether they may cancel, and the past with their attendance', async () => {
    const body = await appointments(einer);
    expect(body.upcoming.map((a) => a.sessionId)).toEqual([id.late, id.ok, id.teamCancelled]);
    const ok = body.upcoming[1]!;
    expect(ok).toMatchObject({
      interventionName: 'Fysisk træning på hold',
      teamName: 'Træning for mænd',
      startsAt: '2026-11-25T09:00:00.000Z',
      endsAt: '2026-11-25T10:00:00.000Z',
      date: '2026-11-25',
      placeName: 'Sundhedscenter Gladsaxe',
      room: 'Sal 2',
      address: 'Søborg Hovedgade 1, 2860 Søborg',
      municipality: 'Gladsaxe',
      cancelledByTeam: false,
      attendance: null,
      mayCancel: true,
      cancelUntil: '2026-11-24T09:00:00.000Z',
    });
    expect(body.upcoming[0]).toMatchObject({ mayCancel: false, cancelRefusal: 'cutoff_passed' });
    expect(body.upcoming[2]).toMatchObject({ cancelledByTeam: true, mayCancel: false, cancelRefusal: 'session_cancelled' });
    expect(body.past).toEqual([expect.objectContaining({ sessionId: id.past, attendance: 'attended', mayCancel: false, cancelRefusal: 'session_past' })]);
  });

  it('shows a citizen only their own sessions and marks (two citizens on one team)', async () => {
    const lonnis = await appointments(lonni);
    expect(lonnis.upcoming.map((a) => a.sessionId)).toEqual([id.late, id.lonniOnly, id.ok, id.teamCancelled]);
    expect(lonnis.past.map((a) => a.sessionId)).toEqual([id.past]);
    expect(lonnis.past[0]!.attendance).toBeNull();
    expect(JSON.stringify(await appointments(einer))).not.toContain(id.lonniOnly);
  });

  it('answers 401 without a citizen session, and to a staff session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/borger/appointments' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/borger/appointments', headers: therapist.headers })).statusCode).toBe(401);
  });
});

describe('cancelling a session (afbud)', () => {
  it('refuses another citizen’s session as unknown (404), and audits the attempt', async () => {
    const res = await cancel(einer, id.lonniOnly!);
    expect(res.statusCode, res.body).toBe(404);
    const denied = await database.db.selectFrom('audit_event').select(['actor_citizen_id', 'outcome', 'entity_id']).where('action', '=', 'attendance.citizen_cancel').where('outcome', '=', 'denied').execute();
    expect(denied).toEqual([{ actor_citizen_id: id.einer, outcome: 'denied', entity_id: id.lonniOnly }]);
    expect(await database.db.selectFrom('attendance').select('status').where('team_session_id', '=', id.lonniOnly!).execute()).toEqual([]);
  });

  it('refuses after the cut-off, a past and a team-cancelled session with 409 naming why', async () => {
    for (const [sessionId, code] of [
      [id.late, 'cutoff_passed'],
      [id.past, 'session_past'],
      [id.teamCancelled, 'session_cancelled'],
    ] as const) {
      const res = await cancel(einer, sessionId!);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'sessionId', code })]);
    }
    const refused = await database.db.selectFrom('audit_event').select(['entity_id', 'detail']).where('action', '=', 'attendance.citizen_cancel').where('outcome', '=', 'denied').where('entity_id', '!=', id.lonniOnly!).orderBy('id').execute();
    expect(refused.map((r) => [r.entity_id, r.detail])).toEqual([
      [id.late, { reason: 'cutoff_passed' }],
      [id.past, { reason: 'session_past' }],
      [id.teamCancelled, { reason: 'session_cancelled' }],
    ]);
  });

  it('refuses a reason outside the list, naming the field, and writes nothing', async () => {
    const res = await cancel(einer, id.ok!, { reason: 'vacation' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('reason');
    expect(await database.db.selectFrom('attendance').select('status').where('team_session_id', '=', id.ok!).execute()).toEqual([]);
  });

  it('records the citizen’s own cancellation, which uses no session of the quota', async () => {
    const before = await einerOnTeam();
    expect(before.counts).toEqual({ attended: 1, cancelled: 0, noShow: 0, used: 1 });
    const res = await cancel(einer, id.ok!, { reason: 'illness', text: 'Feber' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MyAppointment>()).toMatchObject({ sessionId: id.ok, attendance: 'cancelled', cancelledBy: 'citizen', cancelReason: 'illness', mayCancel: false, cancelRefusal: 'already_cancelled' });
    const after = await einerOnTeam();
    expect(after.counts).toEqual({ attended: 1, cancelled: 1, noShow: 0, used: 1 });
    expect(after.quota).toBe(before.quota);
    expect(after.status).toBe('enrolled');
    // The therapist's list shows it as the citizen's.
    expect(await einerOn(id.ok!)).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen', cancelReasonCode: 'illness', cancelReason: 'Feber', sessionNumber: null });
    // Lonni's mark for the same session is untouched.
    expect((await appointments(lonni)).upcoming.find((a) => a.sessionId === id.ok)).toMatchObject({ attendance: null, mayCancel: true });
    // Twice is refused.
    expect((await cancel(einer, id.ok!)).json().error.fields[0].code).toBe('already_cancelled');
  });

  it('follows the team’s cut-off as staff set it, and staff can still overrule when the citizen came', async () => {
    const patch = await app.inject({ method: 'PATCH', url: `/api/teams/${id.team}`, headers: therapist.headers, payload: { citizenCancelCutoffHours: 4 } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().citizenCancelCutoffHours).toBe(4);
    expect((await cancel(einer, id.late!, { reason: 'treatment' })).statusCode).toBe(200);
    expect(await einerOn(id.late!)).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen', cancelReasonCode: 'treatment', cancelReason: 'Behandling' });
    const overrule = await app.inject({ method: 'PUT', url: `/api/team-sessions/${id.late}/attendance`, headers: therapist.headers, payload: { enrolmentId: id.einerEnrolment, status: 'attended' } });
    expect(overrule.statusCode, overrule.body).toBe(200);
    expect(await einerOn(id.late!)).toMatchObject({ status: 'attended', cancelledBy: null, cancelReasonCode: null });
    const bad = await app.inject({ method: 'PATCH', url: `/api/teams/${id.team}`, headers: therapist.headers, payload: { citizenCancelCutoffHours: 500 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('citizenCancelCutoffHours');
  });

  it('audits the cancellation with the citizen as the actor, never a CPR', async () => {
    const events = await database.db
      .selectFrom('audit_event')
      .select(['actor_label', 'actor_citizen_id', 'actor_user_id', 'citizen_id', 'entity_id', 'detail'])
      .where('action', '=', 'attendance.citizen_cancel')
      .where('outcome', '=', 'allowed')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      expect.objectContaining({ actor_label: 'citizen', actor_citizen_id: id.einer, actor_user_id: null, citizen_id: id.einer, entity_id: id.ok, detail: expect.objectContaining({ reason: 'illness', used: 1, quota: 29 }) }),
      expect.objectContaining({ actor_citizen_id: id.einer, entity_id: id.late }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/0201609995|0201609996/);
  });
});

describe('the calendar: a feed by a secret link, and a download behind the sign-in', () => {
  const feed = (path: string) => app.inject({ method: 'GET', url: path });
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

  it('turns the feed on with a link that needs no session; its events say only the title, the time and the address', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/borger/calendar-feed', headers: einer.headers })).json()).toEqual({ enabled: false, createdAt: null });
    const on = await app.inject({ method: 'POST', url: '/api/borger/calendar-feed', headers: einer.headers });
    expect(on.statusCode, on.body).toBe(200);
    const { path } = on.json<CalendarFeedCreated>();
    expect(path).toMatch(/^\/api\/calendar-feed\/[A-Za-z0-9_-]{43}\/samkraft\.ics$/);
    id.einerFeed = path;
    const token = path.split('/')[3]!;
    const stored = await database.db.selectFrom('citizen_calendar_feed').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await feed(path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const list = events(res.body);
    expect(list.map((e) => e.uid).sort()).toEqual([id.past, id.late, id.ok, id.teamCancelled].map((s) => `${s}@samkraft`).sort());
    const ok = list.find((e) => e.uid === `${id.ok}@samkraft`)!;
    expect(ok.summary).toBe('Holdtræning – Samkraft');
    expect(ok.location).toBe('Søborg Hovedgade 1, 2860 Søborg');
    expect(ok.startDate.toJSDate().toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(ok.component.getFirstPropertyValue('status')).toBe('CANCELLED'); // the citizen's afbud
    expect(list.find((e) => e.uid === `${id.teamCancelled}@samkraft`)!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(list.find((e) => e.uid === `${id.late}@samkraft`)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    for (const secret of ['Fysisk træning', 'Træning for mænd', 'Einer', 'Lauridsen', id.lonniOnly!]) expect(res.body).not.toContain(secret);
  });

  it('keeps each citizen’s feed apart, and audits a feed read as the citizen’s own', async () => {
    const { path } = (await app.inject({ method: 'POST', url: '/api/borger/calendar-feed', headers: lonni.headers })).json<CalendarFeedCreated>();
    const uids = events((await feed(path)).body).map((e) => e.uid);
    expect(uids).toContain(`${id.lonniOnly}@samkraft`);
    expect(events((await feed(id.einerFeed!)).body).map((e) => e.uid)).not.toContain(`${id.lonniOnly}@samkraft`);
    const reads = await database.db
      .selectFrom('audit_event')
      .select(['actor_citizen_id', 'citizen_id', 'detail'])
      .where('action', '=', 'citizen_appointments.read')
      .execute()
      .then((rows) => rows.filter((r) => (r.detail as { via?: string } | null)?.via === 'calendar_feed'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.actor_citizen_id === r.citizen_id)).toBe(true);
    expect(reads.map((r) => r.citizen_id)).toEqual(expect.arrayContaining([id.einer, id.lonni]));
  });

  it('answers 404 to an unknown, a renewed-away and a revoked link (400 to one that is no link at all)', async () => {
    expect((await feed('/api/calendar-feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/samkraft.ics')).statusCode).toBe(404);
    expect((await feed('/api/calendar-feed/x/samkraft.ics')).statusCode).toBe(400);
    const renewed = (await app.inject({ method: 'POST', url: '/api/borger/calendar-feed', headers: einer.headers })).json<CalendarFeedCreated>();
    expect((await feed(id.einerFeed!)).statusCode).toBe(404);
    expect((await feed(renewed.path)).statusCode).toBe(200);
    const off = await app.inject({ method: 'DELETE', url: '/api/borger/calendar-feed', headers: einer.headers });
    expect(off.json()).toEqual({ enabled: false, createdAt: null });
    expect((await feed(renewed.path)).statusCode).toBe(404);
    const trail = await database.db.selectFrom('audit_event').select(['action', 'actor_citizen_id', 'detail']).where('action', 'in', ['citizen_appointments.feed_on', 'citizen_appointments.feed_off']).where('actor_citizen_id', '=', id.einer!).orderBy('id').execute();
    expect(trail.map((t) => [t.action, t.detail])).toEqual([
      ['citizen_appointments.feed_on', { renewed: false }],
      ['citizen_appointments.feed_on', { renewed: true }],
      ['citizen_appointments.feed_off', { removed: 1 }],
    ]);
  });

  it('downloads the sessions as a file behind the sign-in, with the place, room and intervention', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/borger/appointments/calendar.ics', headers: einer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('samkraft-aftaler.ics');
    const ok = events(res.body).find((e) => e.uid === `${id.ok}@samkraft`)!;
    expect(ok.location).toBe('Sundhedscenter Gladsaxe, Sal 2, Søborg Hovedgade 1, 2860 Søborg');
    expect(ok.description).toBe('Fysisk træning på hold – Træning for mænd');
    expect((await app.inject({ method: 'GET', url: '/api/borger/appointments/calendar.ics' })).statusCode).toBe(401);
  });
});
