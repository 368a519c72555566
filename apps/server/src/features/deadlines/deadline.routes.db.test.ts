import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDeadlines, Deadline, DeadlinePause } from '@samkraft/contracts/deadlines';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { aClosingDay, seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// The test app's clock: 2026-11-22 (a Sunday in Denmark).
let database: Database;
let app: App;
const id: Record<string, string> = {};
const client: Record<string, SignedInClient> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await aMunicipality(db, '0173', 'Lyngby-Taarbæk');
  await seedDeadlineDefaults(db);
  // The provider closes one day its own: its deadlines count without it, the home's with it.
  await aClosingDay(db, '0173', '2026-11-12');
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.ballerupContact = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  id.therapist = await aStaffUser(db, { municipalityCode: '0173', roles: ['therapist'] });
  id.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  id.citizen = await aCitizen(db, { homeMunicipalityCode: '0159' });
  id.other = await aCitizen(db, { homeMunicipalityCode: '0159' });
  const k = await aReferralWithCourse(db, { citizenId: id.citizen, homeMunicipalityCode: '0159', receivedOn: '2026-11-02', contactPersonId: id.contact });
  id.course = k.courseId;
  id.otherCourse = (await aReferralWithCourse(db, { citizenId: id.other, homeMunicipalityCode: '0159', receivedOn: '2026-11-16' })).courseId;
  await anIntervention(db, 'puls_styrke');
  const offeringId = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
  id.crossReferral = await aCrossReferral(db, { courseId: id.course, offeringId, interventionCode: 'puls_styrke', providerMunicipalityCode: '0173', receivedOn: '2026-11-10' });
  app = await createTestApp(database);
  for (const who of ['contact', 'ballerupContact', 'therapist', 'admin']) client[who] = await signIn(app, id[who]!);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function deadlinesOf(courseId: string): Promise<CourseDeadlines> {
  const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/deadlines`, headers: client.contact!.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const kindOf = (ds: Deadline[], kind: string): Deadline | undefined => ds.find((d) => d.kind === kind);

async function post(who: string, url: string, payload: unknown): Promise<{ statusCode: number; body: string; json: () => Record<string, unknown> }> {
  const res = await app.inject({ method: 'POST', url, headers: client[who]!.headers, payload: payload as Record<string, unknown> });
  return { statusCode: res.statusCode, body: res.body, json: () => res.json() };
}

function fieldsOf(body: string): string[] {
  return (JSON.parse(body) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
}

describe('GET /api/courses/:courseId/deadlines', () => {
  it("derives the course's deadlines, each in the acting municipality's calendar", async () => {
    const page = await deadlinesOf(id.course!);
    expect(page.asOf).toBe('2026-11-22');
    const ds = page.deadlines;
    expect(kindOf(ds, 'first_contact')).toMatchObject({ actor: 'home', clockStartedOn: '2026-11-02', dueOn: '2026-11-09', state: 'overdue', delayCause: 'municipality' });
    expect(kindOf(ds, 'cross_referral')).toMatchObject({ metOn: '2026-11-10', state: 'met' });
    // Provider's receipt Tue 10 Nov; closed on the 12th: 11 (1), 13 (2), 16 (3), 17 (4), 18 (5).
    expect(kindOf(ds, 'provider_contact')).toMatchObject({ actor: 'provider', municipalityCode: '0173', crossReferralId: id.crossReferral, dueOn: '2026-11-18', state: 'overdue' });
    expect(kindOf(ds, 'deeper_assessment')).toBeDefined();
  });

  it('audits the read with the citizen', async () => {
    await deadlinesOf(id.course!);
    const events = await listAuditEvents(database.db, { actorUserId: id.contact!, limit: 1000 });
    expect(events.some((e) => e.action === 'deadline.read' && e.citizenId === id.citizen && e.outcome === 'allowed')).toBe(true);
  });

  it('refuses another municipality, and audits the refusal', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${id.course}/deadlines`, headers: client.ballerupContact!.headers });
    expect(res.statusCode).toBe(403);
    expect(JSON.stringify(res.json())).not.toContain('first_contact');
    const events = await listAuditEvents(database.db, { actorUserId: id.ballerupContact!, limit: 100 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'deadline.read', citizenId: id.citizen, outcome: 'denied' }));
  });

  it('refuses the providing municipality the home course', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${id.course}/deadlines`, headers: client.therapist!.headers });
    expect(res.statusCode).toBe(403);
  });

  it('names a malformed course id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/courses/not-a-uuid/deadlines', headers: client.contact!.headers });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['params.courseId']);
  });
});

describe('pausing and resuming a deadline', () => {
  it('refuses bad input, naming the field, and stores nothing', async () => {
    const url = `/api/courses/${id.otherCourse}/deadline-pauses`;
    const good = { deadlineKind: 'first_contact', pausedOn: '2026-11-17', reason: 'citizen_wish' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, pausedOn: '2026-02-30' }, 'pausedOn'],
      [{ ...good, pausedOn: '2026-11-30' }, 'pausedOn'],
      [{ ...good, deadlineKind: 'lunch' }, 'deadlineKind'],
      [{ ...good, reason: 'other' }, 'note'],
      [{ ...good, extra: 1 }, 'extra'],
      [{ ...good, deadlineKind: 'provider_contact' }, 'crossReferralId'],
      [{ ...good, crossReferralId: id.crossReferral }, 'crossReferralId'],
      [{ ...good, deadlineKind: 'provider_contact', crossReferralId: id.crossReferral }, 'crossReferralId'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('contact', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(payload)).toEqual([field]);
    }
    const stored = await database.db.selectFrom('deadline_pause').select('id').where('course_id', '=', id.otherCourse!).execute();
    expect(stored).toEqual([]);
  });

  it('refuses another municipality, audited', async () => {
    const res = await post('ballerupContact', `/api/courses/${id.otherCourse}/deadline-pauses`, { deadlineKind: 'first_contact', pausedOn: '2026-11-17', reason: 'citizen_wish' });
    expect(res.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: id.ballerupContact!, limit: 100 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'deadline_pause.create', citizenId: id.other, outcome: 'denied' }));
  });

  it('pauses, moves the due date by the paused working days, and resumes', async () => {
    const url = `/api/courses/${id.otherCourse}/deadline-pauses`;
    // Received Mon 16 Nov: first contact due Mon 23 Nov.
    expect(kindOf((await deadlinesOf(id.otherCourse!)).deadlines, 'first_contact')).toMatchObject({ dueOn: '2026-11-23', state: 'due_soon' });
    const created = await post('contact', url, { deadlineKind: 'first_contact', pausedOn: '2026-11-18', reason: 'hospital_admission' });
    expect(created.statusCode, created.body).toBe(201);
    const pause = created.json() as DeadlinePause;
    expect(pause).toMatchObject({ courseId: id.otherCourse, deadlineKind: 'first_contact', crossReferralId: null, resumedOn: null, reason: 'hospital_admission' });

    // Paused Wed 18 – Sun 22: 18, 19, 20 stood still → due Thu 26 Nov.
    expect(kindOf((await deadlinesOf(id.otherCourse!)).deadlines, 'first_contact')).toMatchObject({ state: 'paused', pausedWorkingDays: 3, dueOn: '2026-11-26', openPauseId: pause.id });
    expect((await post('contact', url, { deadlineKind: 'first_contact', pausedOn: '2026-11-19', reason: 'citizen_wish' })).statusCode).toBe(409);

    const early = await post('contact', `/api/deadline-pauses/${pause.id}/resume`, { resumedOn: '2026-11-17' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['resumedOn']);
    expect(fieldsOf((await post('contact', `/api/deadline-pauses/${pause.id}/resume`, { resumedOn: '2026-11-31' })).body)).toEqual(['resumedOn']);
    expect((await post('ballerupContact', `/api/deadline-pauses/${pause.id}/resume`, { resumedOn: '2026-11-20' })).statusCode).toBe(403);

    const resumed = await post('contact', `/api/deadline-pauses/${pause.id}/resume`, { resumedOn: '2026-11-20' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json().resumedOn).toBe('2026-11-20');
    expect((await post('contact', `/api/deadline-pauses/${pause.id}/resume`, { resumedOn: '2026-11-20' })).statusCode).toBe(409);
    // 18 and 19 stood still → due Wed 25 Nov, two working days after today.
    expect(kindOf((await deadlinesOf(id.otherCourse!)).deadlines, 'first_contact')).toMatchObject({ state: 'due_soon', pausedWorkingDays: 2, dueOn: '2026-11-25', openPauseId: null, delayCause: null });

    const events = await listAuditEvents(database.db, { actorUserId: id.contact!, limit: 1000 });
    const actions = events.filter((e) => e.citizenId === id.other && e.outcome === 'allowed').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['deadline_pause.create', 'deadline_pause.resume']));
  });

  it('answers 404 for an unknown pause', async () => {
    const res = await post('contact', '/api/deadline-pauses/00000000-0000-4000-8000-000000000000/resume', { resumedOn: '2026-11-20' });
    expect(res.statusCode).toBe(404);
  });
});

describe('deadline policies', () => {
  it('lists the effective-dated policies to any staff', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/deadline-policies', headers: client.therapist!.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().policies).toHaveLength(8);
  });

  it('lets only an administrator add one, audited', async () => {
    const body = { kind: 'first_contact', amount: 10, unit: 'working_days', effectiveFrom: '2027-01-01', source: 'Bilag H: 10 working days' };
    const refused = await post('contact', '/api/deadline-policies', body);
    expect(refused.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: id.contact!, limit: 1000 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'deadline_policy.create', outcome: 'denied' }));

    const created = await post('admin', '/api/deadline-policies', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'first_contact', amount: 10, effectiveFrom: '2027-01-01' });
    expect((await post('admin', '/api/deadline-policies', body)).statusCode).toBe(409);
    const adminEvents = await listAuditEvents(database.db, { actorUserId: id.admin!, limit: 100 });
    expect(adminEvents).toContainEqual(expect.objectContaining({ action: 'deadline_policy.create', outcome: 'allowed', entityId: created.json().id }));
  });

  it('refuses bad input, naming the field', async () => {
    const good = { kind: 'first_contact', amount: 10, unit: 'working_days', effectiveFrom: '2027-02-01', source: 'x' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, unit: 'weeks' }, 'unit'],
      [{ ...good, amount: 0 }, 'amount'],
      [{ ...good, amount: 2.5 }, 'amount'],
      [{ ...good, effectiveFrom: '2027-02-29' }, 'effectiveFrom'],
      [{ ...good, source: ' ' }, 'source'],
      [{ ...good, id: 'x' }, 'id'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('admin', '/api/deadline-policies', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(payload)).toEqual([field]);
    }
  });
});
