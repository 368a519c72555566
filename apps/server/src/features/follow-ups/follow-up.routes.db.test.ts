import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp, FollowUpList } from '@samkraft/contracts/follow-ups';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
let contact: SignedInClient;
let ballerup: SignedInClient;
let contactId: string;
let citizenId: string;
let courseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const other = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  app = await createTestApp(database); // today is 2026-11-22
  contact = await signIn(app, contactId);
  ballerup = await signIn(app, other);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const list = async (client = contact) => {
  const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/follow-ups`, headers: client.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FollowUpList>();
};

describe('follow-ups', () => {
  let followUpId: string;

  it('schedules a follow-up, refusing a date in the past', async () => {
    const past = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/follow-ups`, headers: contact.headers, payload: { plannedOn: '2026-11-01' } });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('plannedOn');
    const res = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/follow-ups`, headers: contact.headers, payload: { plannedOn: '2026-11-22' } });
    expect(res.statusCode, res.body).toBe(201);
    followUpId = res.json<FollowUp>().id;
    expect((await list()).followUps).toHaveLength(1);
  });

  it('records it as held once, with the note and whether the plan was revised', async () => {
    const future = await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: contact.headers, payload: { heldOn: '2026-11-30', channel: 'phone', note: 'x', planRevised: false } });
    expect(future.statusCode).toBe(400);
    const body = { heldOn: '2026-11-22', channel: 'phone', note: 'Målene drøftet; træner to gange om ugen', planRevised: true };
    const res = await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: contact.headers, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FollowUp>()).toMatchObject(body);
    const again = await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: contact.headers, payload: body });
    expect(again.statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/follow-ups/${followUpId}/held`, headers: ballerup.headers, payload: body })).statusCode).toBe(403);
  });

  it('suggests the next follow-up 4 weeks after the last, and 2 weeks when the citizen is vulnerable', async () => {
    expect((await list()).suggestion).toEqual({ intervalDays: 28, suggestedOn: '2026-12-20', basis: 'last_held' });
    const noReason = await app.inject({ method: 'PUT', url: `/api/citizens/${citizenId}/vulnerable`, headers: contact.headers, payload: { vulnerable: true, reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const res = await app.inject({ method: 'PUT', url: `/api/citizens/${citizenId}/vulnerable`, headers: contact.headers, payload: { vulnerable: true, reason: 'Bor alene, lille netværk' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await list();
    expect(after.vulnerable).toBe(true);
    expect(after.suggestion).toEqual({ intervalDays: 14, suggestedOn: '2026-12-06', basis: 'last_held' });
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.find((e) => e.action === 'citizen.vulnerable' && e.outcome === 'allowed')?.detail).toMatchObject({ to: true, reason: 'Bor alene, lille netværk' });
  });

  it("refuses the flag to another municipality's staff, and audits every read", async () => {
    const res = await app.inject({ method: 'PUT', url: `/api/citizens/${citizenId}/vulnerable`, headers: ballerup.headers, payload: { vulnerable: false, reason: 'x' } });
    expect(res.statusCode).toBe(404);
    const row = await database.db.selectFrom('citizen').select('vulnerable').where('id', '=', citizenId).executeTakeFirstOrThrow();
    expect(row.vulnerable).toBe(true);
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 100 });
    expect(events.filter((e) => e.action === 'follow_up.read').length).toBeGreaterThanOrEqual(3);
  });
});

describe('follow-ups of a closed course', () => {
  it('shows a planned, never held follow-up as lapsed once the course closes, and plans no more', async () => {
    const closing = (await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
    const planned = await app.inject({ method: 'POST', url: `/api/courses/${closing}/follow-ups`, headers: contact.headers, payload: { plannedOn: '2026-12-07' } });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json<FollowUp>().lapsed).toBe(false);
    await database.db.updateTable('course').set({ closed_on: '2026-11-20', close_reason: 'completed' }).where('id', '=', closing).execute();
    const after = (await app.inject({ method: 'GET', url: `/api/courses/${closing}/follow-ups`, headers: contact.headers })).json<FollowUpList>();
    expect(after.courseClosedOn).toBe('2026-11-20');
    expect(after.followUps.map((f) => ({ plannedOn: f.plannedOn, lapsed: f.lapsed }))).toEqual([{ plannedOn: '2026-12-07', lapsed: true }]);
    const more = await app.inject({ method: 'POST', url: `/api/courses/${closing}/follow-ups`, headers: contact.headers, payload: { plannedOn: '2026-12-14' } });
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ error: { fields: [{ field: 'plannedOn', code: 'course_closed' }] } });
    // The open course's follow-ups are not lapsed.
    expect((await list()).followUps.every((f) => !f.lapsed)).toBe(true);
  });
});
