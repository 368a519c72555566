import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseRelative, CourseRelatives, SessionRelatives } from '@samkraft/contracts/relatives';
import type { Enrolment, SessionDetail, TeamDetail, TeamSummary } from '@samkraft/contracts/teams';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

// Monday 23 November 2026, 10:00 in Denmark.
const NOW = '2026-11-23T09:00:00Z';
const GLADSAXE = '0159'; // the providing municipality, which runs the team
const BALLERUP = '0151'; // the citizens' home municipality

let database: Database;
let app: App;
let home: SignedInClient;
let therapist: SignedInClient;
const id: Record<string, string> = {};

const fieldsOf = (body: string) => (JSON.parse(body) as { error: { fields: { field: string; code: string }[] } }).error.fields.map((f) => [f.field, f.code]);
const aRelative = (o: Record<string, unknown> = {}) => ({
  name: 'Pige Test Levendefødt',
  relation: 'child',
  phone: '22 33 44 55',
  consentToParticipate: true,
  consentToShareWithProvider: true,
  consentGivenOn: '2026-11-10',
  startsOn: '2026-11-10',
  ...o,
});
const api = {
  list: (courseId: string, c = home) => app.inject({ method: 'GET', url: `/api/courses/${courseId}/relatives`, headers: c.headers }),
  add: (courseId: string, payload: unknown, c = home) => app.inject({ method: 'POST', url: `/api/courses/${courseId}/relatives`, headers: c.headers, payload: payload as object }),
  change: (courseId: string, relativeId: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/courses/${courseId}/relatives/${relativeId}`, headers: home.headers, payload: payload as object }),
  end: (courseId: string, relativeId: string, endsOn: unknown) => app.inject({ method: 'POST', url: `/api/courses/${courseId}/relatives/${relativeId}/end`, headers: home.headers, payload: { endsOn } }),
  sessionRelatives: (sessionId: string, c = therapist) => app.inject({ method: 'GET', url: `/api/team-sessions/${sessionId}/relatives`, headers: c.headers }),
  tick: (sessionId: string, relativeId: string, attended: unknown, c = therapist) => app.inject({ method: 'PUT', url: `/api/team-sessions/${sessionId}/relatives/${relativeId}`, headers: c.headers, payload: { attended } }),
  session: (sessionId: string) => app.inject({ method: 'GET', url: `/api/team-sessions/${sessionId}`, headers: therapist.headers }),
  mark: (sessionId: string, enrolmentId: string, status: string) => app.inject({ method: 'PUT', url: `/api/team-sessions/${sessionId}/attendance`, headers: therapist.headers, payload: { enrolmentId, status } }),
};

async function aCourseReferredToGladsaxe(givenName: string): Promise<{ courseId: string; crossReferralId: string; citizenId: string }> {
  const db = database.db;
  const citizenId = await aCitizen(db, { homeMunicipalityCode: BALLERUP, givenName, birthDate: '1958-03-14' });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: BALLERUP, receivedOn: '2026-10-20' });
  const crossReferralId = await aCrossReferral(db, { courseId, offeringId: id.offering!, interventionCode: 'men_training', providerMunicipalityCode: GLADSAXE, receivedOn: '2026-10-30' });
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-02' }).where('id', '=', crossReferralId).execute();
  return { courseId, crossReferralId, citizenId };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, GLADSAXE, 'Gladsaxe');
  await aMunicipality(db, BALLERUP, 'Ballerup');
  await anIntervention(db, 'men_training');
  await db.insertInto('intervention_dose_part').values({ intervention_code: 'men_training', part: 'training', sessions: 29, per_week: 2, minutes: 60 }).execute();
  id.offering = await anOffering(db, { interventionCode: 'men_training', hostMunicipalityCode: GLADSAXE });
  id.home = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['contact_person'] });
  id.homeTherapist = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['therapist'] });
  id.therapist = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['therapist'], profession: 'physiotherapist' });
  app = await createTestApp(database, { now: NOW });
  home = await signIn(app, id.home);
  therapist = await signIn(app, id.therapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a relative on the course', () => {
  it('is registered, changed and ended by the home municipality, each audited', async () => {
    const { courseId, citizenId } = await aCourseReferredToGladsaxe('Anna');
    const created = await api.add(courseId, aRelative());
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json<CourseRelative>();
    expect(r).toMatchObject({ name: 'Pige Test Levendefødt', relation: 'child', phone: '22 33 44 55', consentToParticipate: true, consentToShareWithProvider: true, startsOn: '2026-11-10', endsOn: null });

    const changed = await api.change(courseId, r.id, aRelative({ phone: null, consentToShareWithProvider: false }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<CourseRelative>()).toMatchObject({ phone: null, consentToShareWithProvider: false });

    const ended = await api.end(courseId, r.id, '2026-11-20');
    expect(ended.json<CourseRelative>().endsOn).toBe('2026-11-20');
    expect(fieldsOf((await api.end(courseId, r.id, '2026-11-21')).body)).toEqual([['endsOn', 'already_ended']]);

    const list = (await api.list(courseId)).json<CourseRelatives>();
    expect(list).toMatchObject({ canWrite: true, relatives: [{ id: r.id, endsOn: '2026-11-20' }] });
    const events = await database.db.selectFrom('audit_event').select(['action', 'outcome', 'entity_id', 'detail']).where('citizen_id', '=', citizenId).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['relative.create', 'relative.update', 'relative.end', 'relative.list']);
    expect(events[1]?.detail).toMatchObject({ changed: ['phone', 'consentToShareWithProvider'] });
    expect(JSON.stringify(events)).not.toContain('22 33 44 55');
  });

  it('answers 400 naming the field and writes nothing', async () => {
    const { courseId } = await aCourseReferredToGladsaxe('Bodil');
    const cases: [Record<string, unknown>, string[][]][] = [
      [aRelative({ consentToParticipate: false }), [['consentToParticipate', 'participation_consent_required']]],
      [aRelative({ consentGivenOn: '2026-11-24', startsOn: '2026-11-24' }), [['consentGivenOn', 'future_date']]],
      [aRelative({ startsOn: '2026-11-09' }), [['startsOn', 'before_consent']]],
      [aRelative({ name: '   ' }), [['name', 'required']]],
      [aRelative({ relation: 'cousin' }), [['relation', 'invalid_value']]],
      [aRelative({ phone: 'ring mig' }), [['phone', 'invalid_format']]],
      [aRelative({ cpr: '1306249995' }), [['cpr', 'unknown_field']]],
    ];
    for (const [payload, fields] of cases) {
      const res = await api.add(courseId, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const r = (await api.add(courseId, aRelative())).json<CourseRelative>();
    expect(fieldsOf((await api.end(courseId, r.id, '2026-11-09')).body)).toEqual([['endsOn', 'before_start']]);
    expect(fieldsOf((await api.end(courseId, r.id, '2026-13-01')).body)).toEqual([['endsOn', 'invalid_date']]);
    const rows = await database.db.selectFrom('course_relative').select(['id', 'ends_on']).where('course_id', '=', courseId).execute();
    expect(rows).toEqual([{ id: r.id, ends_on: null }]);
  });

  it('is refused on a closed course, to a reader who may not write, and to the providing municipality', async () => {
    const { courseId } = await aCourseReferredToGladsaxe('Cecilie');
    const reader = await signIn(app, id.homeTherapist!);
    expect((await api.list(courseId, reader)).json<CourseRelatives>().canWrite).toBe(false);
    expect((await api.add(courseId, aRelative(), reader)).statusCode).toBe(403);
    expect((await api.list(courseId, therapist)).statusCode).toBe(403);
    expect((await api.add(courseId, aRelative(), therapist)).statusCode).toBe(403);
    await database.db.updateTable('course').set({ closed_on: '2026-11-20', close_reason: 'completed' }).where('id', '=', courseId).execute();
    expect(fieldsOf((await api.add(courseId, aRelative())).body)).toEqual([['courseId', 'course_closed']]);
    expect(await database.db.selectFrom('course_relative').select('id').where('course_id', '=', courseId).execute()).toEqual([]);
  });
});

describe("a relative's attendance at the providing municipality's team", () => {
  it('is recorded apart from the citizen and never uses the citizen’s quota; the provider sees only shared, consented relatives', async () => {
    const team = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: therapist.headers,
      payload: { offeringId: id.offering, name: 'Træning med pårørende', mode: 'rolling', capacity: 12, startsOn: '2026-11-02', room: 'Sal 1', schedule: [{ weekday: 2, startTime: '10:00', durationMinutes: 60 }, { weekday: 4, startTime: '10:00', durationMinutes: 60 }] },
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json<TeamSummary>().id;
    await app.inject({ method: 'POST', url: `/api/teams/${teamId}/sessions/generate`, headers: therapist.headers, payload: { from: '2026-11-02', to: '2026-11-30' } });
    const sessions = (await app.inject({ method: 'GET', url: `/api/teams/${teamId}`, headers: therapist.headers })).json<TeamDetail>().sessions;
    const [s17, s19, s24] = ['2026-11-17', '2026-11-19', '2026-11-24'].map((d) => sessions.find((s) => s.date === d)!.id);

    const dorthe = await aCourseReferredToGladsaxe('Dorthe');
    const erik = await aCourseReferredToGladsaxe('Erik');
    // Quota 1: one session used by the citizen ends the enrolment, so any count of the relative would show.
    const e = (await app.inject({ method: 'POST', url: `/api/teams/${teamId}/enrolments`, headers: therapist.headers, payload: { crossReferralId: dorthe.crossReferralId, startOn: '2026-11-10', quota: 1 } })).json<Enrolment>();
    const e2 = (await app.inject({ method: 'POST', url: `/api/teams/${teamId}/enrolments`, headers: therapist.headers, payload: { crossReferralId: erik.crossReferralId, startOn: '2026-11-10' } })).json<Enrolment>();
    const shared = (await api.add(dorthe.courseId, aRelative({ name: 'Pige Test Levendefødt' }))).json<CourseRelative>();
    const notShared = (await api.add(dorthe.courseId, aRelative({ name: 'Dreng Test Levendefødt', relation: 'partner', consentToShareWithProvider: false }))).json<CourseRelative>();
    const later = (await api.add(dorthe.courseId, aRelative({ name: 'Senere Test Pårørende', startsOn: '2026-11-18' }))).json<CourseRelative>();
    const ofErik = (await api.add(erik.courseId, aRelative({ name: 'Eriks Test Pårørende' }))).json<CourseRelative>();
    // Erik's referral is taken back as not sent: nothing of his course is shared with Gladsaxe any more.
    await database.db.updateTable('cross_referral').set({ sent_at: null }).where('id', '=', erik.crossReferralId).execute();

    const list17 = await api.sessionRelatives(s17!);
    expect(list17.statusCode, list17.body).toBe(200);
    expect(list17.json<SessionRelatives>().relatives).toEqual([{ relativeId: shared.id, enrolmentId: e.id, name: 'Pige Test Levendefødt', relation: 'child', attended: false }]);
    const list19 = (await api.sessionRelatives(s19!)).json<SessionRelatives>().relatives.map((r) => r.name);
    expect(list19).toEqual(['Pige Test Levendefødt', 'Senere Test Pårørende']);
    expect(JSON.stringify(list19)).not.toContain('Eriks');

    // Tick "pårørende deltog" on the 17th: the citizen's marks and quota are untouched.
    const ticked = await api.tick(s17!, shared.id, true);
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json<SessionRelatives>().relatives[0]?.attended).toBe(true);
    expect(await database.db.selectFrom('attendance').select('enrolment_id').where('team_id', '=', teamId).execute()).toEqual([]);
    const detail = (await api.session(s17!)).json<SessionDetail>();
    const dorthesLine = detail.participants.find((p) => p.enrolmentId === e.id);
    expect(dorthesLine).toMatchObject({ status: null, counts: { attended: 0, used: 0 }, enrolmentStatus: 'enrolled', quota: 1 });
    expect((await api.tick(s19!, shared.id, true)).statusCode).toBe(200);
    expect((await database.db.selectFrom('enrolment').select('status').where('id', '=', e.id).executeTakeFirstOrThrow()).status).toBe('enrolled');
    // The citizen's own attendance still uses the quota as before: one session, the enrolment ends.
    expect((await api.mark(s17!, e.id, 'attended')).statusCode).toBe(200);
    expect((await database.db.selectFrom('enrolment').select(['status', 'end_reason']).where('id', '=', e.id).executeTakeFirstOrThrow())).toEqual({ status: 'ended', end_reason: 'quota_reached' });
    expect((await api.session(s17!)).json<SessionDetail>().participants.find((p) => p.enrolmentId === e.id)?.counts).toMatchObject({ attended: 1, used: 1 });
    // Unticking removes only the relative's mark (the citizen, ended on the 17th, is no longer on the 19th's list, nor is the relative then).
    const unticked = await api.tick(s19!, shared.id, false);
    expect(unticked.statusCode, unticked.body).toBe(200);
    expect(unticked.json<SessionRelatives>().relatives.map((r) => r.relativeId)).not.toContain(shared.id);
    expect(await database.db.selectFrom('relative_attendance').select(['team_session_id', 'enrolment_id']).where('course_relative_id', '=', shared.id).execute()).toEqual([{ team_session_id: s17, enrolment_id: e.id }]);

    // A relative the provider may not see cannot be marked: no consent to share, not shared, not yet started.
    for (const [sessionId, relativeId] of [[s17!, notShared.id], [s17!, ofErik.id], [s17!, later.id]] as const) expect((await api.tick(sessionId, relativeId, true)).statusCode).toBe(404);
    expect(fieldsOf((await api.tick(s24!, shared.id, true)).body)).toEqual([['attended', 'future_date']]);
    expect(fieldsOf((await api.tick(s17!, shared.id, 'ja')).body)).toEqual([['attended', 'invalid_type']]);
    const homeTherapist = await signIn(app, id.homeTherapist!);
    expect((await api.sessionRelatives(s17!, homeTherapist)).statusCode).toBe(403);
    expect((await api.tick(s17!, shared.id, true, homeTherapist)).statusCode).toBe(403);
    expect(e2.status).toBe('enrolled');

    const events = await database.db.selectFrom('audit_event').select(['action', 'outcome', 'citizen_id']).where('action', 'like', 'relative_attendance.%').where('actor_user_id', '=', id.therapist!).execute();
    expect(events.filter((x) => x.action === 'relative_attendance.record' && x.outcome === 'allowed').every((x) => x.citizen_id === dorthe.citizenId)).toBe(true);
    expect(events.filter((x) => x.action === 'relative_attendance.record' && x.outcome === 'denied')).toHaveLength(3);
    expect(events.some((x) => x.action === 'relative_attendance.read' && x.citizen_id === erik.citizenId)).toBe(false);
  });
});
