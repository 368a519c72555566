import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCloseReason } from '@samkraft/contracts/courses';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const id: Record<string, string> = {};

async function aClosedCourse(citizenName: string, municipalityCode: string, closedOn: string, closeReason: CourseCloseReason = 'completed') {
  const db = database.db;
  const citizenId = await aCitizen(db, { homeMunicipalityCode: municipalityCode, givenName: citizenName });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: municipalityCode, receivedOn: '2026-01-05' });
  await db.updateTable('course').set({ closed_on: closedOn, close_reason: closeReason }).where('id', '=', courseId).execute();
  return { citizenId, courseId };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.therapist = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'], profession: 'physiotherapist' });
  const open = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Aaben' });
  await aReferralWithCourse(db, { citizenId: open, homeMunicipalityCode: '0159' });
  const older = await aClosedCourse('Tidligere', '0159', '2026-03-01', 'declined');
  const newer = await aClosedCourse('Senest', '0159', '2026-06-30');
  const middle = await aClosedCourse('Midt', '0159', '2026-05-15', 'moved');
  const ballerup = await aClosedCourse('Ballerup', '0151', '2026-07-01');
  Object.assign(id, { older: older.courseId, newer: newer.courseId, middle: middle.courseId, ballerup: ballerup.courseId, middleCitizen: middle.citizenId, olderCitizen: older.citizenId });
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/worklist/closed', () => {
  it("lists the municipality's closed courses, the most recently closed first, a page at a time, and audits each one shown", async () => {
    const c = await signIn(app, id.contact!);
    const first = await app.inject({ method: 'GET', url: '/api/worklist/closed?limit=2', headers: c.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(first.json().items).toMatchObject([
      { courseId: id.newer, closedOn: '2026-06-30', closeReason: 'completed', step: 'closed', citizen: { name: 'Senest Testborger' } },
      { courseId: id.middle, closedOn: '2026-05-15', closeReason: 'moved' },
    ]);
    const events = await listAuditEvents(database.db, { citizenId: id.middleCitizen!, actorUserId: id.contact! });
    expect(events).toMatchObject([{ action: 'worklist.closed', outcome: 'allowed', entityId: id.middle }]);
    expect(await listAuditEvents(database.db, { citizenId: id.olderCitizen!, actorUserId: id.contact! })).toEqual([]);

    const second = await app.inject({ method: 'GET', url: '/api/worklist/closed?offset=2&limit=2', headers: c.headers });
    expect(second.json()).toMatchObject({ total: 3, items: [{ courseId: id.older, closeReason: 'declined' }] });
    const past = await app.inject({ method: 'GET', url: '/api/worklist/closed?offset=10', headers: c.headers });
    expect(past.json()).toMatchObject({ total: 3, items: [] });
  });

  it('refuses a role without a worklist and audits the refusal', async () => {
    const c = await signIn(app, id.therapist!);
    const res = await app.inject({ method: 'GET', url: '/api/worklist/closed', headers: c.headers });
    expect(res.statusCode).toBe(403);
    expect((await listAuditEvents(database.db, { actorUserId: id.therapist! })).filter((e) => e.action === 'worklist.closed')).toMatchObject([{ outcome: 'denied' }]);
  });

  it('answers a bad page with a 400 naming the field', async () => {
    const c = await signIn(app, id.contact!);
    const res = await app.inject({ method: 'GET', url: '/api/worklist/closed?limit=0', headers: c.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject([{ field: 'query.limit' }]);
  });
});
