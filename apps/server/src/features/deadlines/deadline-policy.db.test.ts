import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deadline } from '@samkraft/contracts/deadlines';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { nextDeadline } from './deadline.rules.ts';
import { deadlinesForCourses } from './deadline.service.ts';
import { aClosingDay, aFirstContact, seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

let database: Database;
let app: App;
let adminId: string;
const TODAY = '2026-10-02';
// Referrals received around the policy change on Thursday 1 October 2026.
const RECEIVED = ['2026-09-28', '2026-09-30', '2026-10-01', '2026-10-05'] as const;
const courses = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await seedDeadlineDefaults(db);
  adminId = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  for (const receivedOn of RECEIVED) {
    const citizenId = await aCitizen(db, { homeMunicipalityCode: receivedOn === '2026-10-05' ? '0151' : '0159' });
    const k = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: receivedOn === '2026-10-05' ? '0151' : '0159', receivedOn });
    courses.set(receivedOn, k.courseId);
  }
  await aFirstContact(database.db, courses.get('2026-09-28')!, '2026-09-29');
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function dueDates(all: Map<string, Deadline[]>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const receivedOn of RECEIVED) {
    out[receivedOn] = Object.fromEntries((all.get(courses.get(receivedOn)!) ?? []).map((d) => [d.kind, d.dueOn]));
  }
  return out;
}

describe('a deadline policy change', () => {
  it('moves the due dates of referrals received on or after its date, and of no others', async () => {
    const ids = [...courses.values()];
    const before = dueDates(await deadlinesForCourses(database.db, ids, TODAY));
    expect(before['2026-10-01']?.first_contact).toBe('2026-10-08');

    const admin = await signIn(app, adminId);
    const res = await app.inject({
      method: 'POST',
      url: '/api/deadline-policies',
      headers: admin.headers,
      payload: { kind: 'first_contact', amount: 10, unit: 'working_days', effectiveFrom: '2026-10-01', source: 'Bilag H: first contact within 10 working days' },
    });
    expect(res.statusCode, res.body).toBe(201);

    const after = dueDates(await deadlinesForCourses(database.db, ids, TODAY));
    // Received before 1 October: untouched, every deadline.
    expect(after['2026-09-28']).toEqual(before['2026-09-28']);
    expect(after['2026-09-30']).toEqual(before['2026-09-30']);
    // On or after: first contact moves to 10 working days; nothing else moves.
    expect(after['2026-10-01']).toEqual({ ...before['2026-10-01'], first_contact: '2026-10-15' });
    expect(after['2026-10-05']).toEqual({ ...before['2026-10-05'], first_contact: '2026-10-19' });
    expect(before['2026-10-05']?.first_contact).toBe('2026-10-12');
  });

  it('derives many courses in one call, with the policy each clock started under', async () => {
    const all = await deadlinesForCourses(database.db, [...courses.values(), '00000000-0000-4000-8000-000000000000'], TODAY);
    expect(all.size).toBe(RECEIVED.length);
    const first = all.get(courses.get('2026-09-28')!)!;
    expect(first.find((d) => d.kind === 'first_contact')).toMatchObject({ metOn: '2026-09-29', state: 'met', policy: { amount: 5, effectiveFrom: '2014-01-01' } });
    expect(nextDeadline(first)).toMatchObject({ kind: 'initial_assessment', dueOn: '2026-10-12' });
    expect(all.get(courses.get('2026-10-05')!)?.find((d) => d.kind === 'first_contact')?.policy).toEqual({ amount: 10, unit: 'working_days', effectiveFrom: '2026-10-01' });
    expect(await deadlinesForCourses(database.db, [], TODAY)).toEqual(new Map());
  });
});

describe('the deadline rules a server keeps between requests', () => {
  it('follow a closing day added or removed by any path, at the next read', async () => {
    const courseId = courses.get('2026-10-01')!;
    const firstContactDue = async () => (await deadlinesForCourses(database.db, [courseId], TODAY)).get(courseId)?.find((d) => d.kind === 'first_contact')?.dueOn;
    const before = await firstContactDue();
    expect(before).toBeDefined();
    // Straight into the table, as a seed or a hand-written statement would: no service is told.
    await aClosingDay(database.db, '0159', '2026-10-06');
    const closed = await firstContactDue();
    expect(closed! > before!, `${closed} after ${before}`).toBe(true);
    await database.db.deleteFrom('closing_day').where('on_date', '=', '2026-10-06').execute();
    expect(await firstContactDue()).toBe(before);
  });
});
