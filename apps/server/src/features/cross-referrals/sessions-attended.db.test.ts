import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
/* eslint-disable import-x/no-restricted-paths -- the test compares these four features' own SQL reads of one fact */
import { listInterventions } from '../closings/closing.repository.ts';
import { selectStoredReferrals } from '../extracts/extract.repository.ts';
import { courseLengths } from '../reports/report-courses.repository.ts';
import { findEnrolmentFacts } from '../status-notes/status-note.repository.ts';
/* eslint-enable import-x/no-restricted-paths */

/**
 * Sessions attended has one definition (migration 0010). Before it, the closing note, the report
 * and the extract export counted differently on exactly these records: an enrolment without rows
 * but an imported count, rows beside an imported count, and an end note's count without an
 * enrolment. Each case is one course with one intervention, ended in November 2026.
 */
type Case = { name: string; expected: number | null; courseId: string; crossReferralId: string };
const cases: Case[] = [];
let database: Database;

async function aCase(name: string, expected: number | null, setUp: (db: Database['db'], x: { courseId: string; crossReferralId: string; offeringId: string }) => Promise<void>) {
  const db = database.db;
  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-10-01' });
  const offeringId = await anOffering(db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0151' });
  const crossReferralId = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'mixed_training', providerMunicipalityCode: '0151', receivedOn: '2026-10-05' });
  await setUp(db, { courseId, crossReferralId, offeringId });
  await db.updateTable('cross_referral').set({ ended_on: '2026-11-20', end_reason: 'completed' }).where('id', '=', crossReferralId).execute();
  cases.push({ name, expected, courseId, crossReferralId });
}

async function anEnrolment(db: Database['db'], offeringId: string, crossReferralId: string, marks: ('attended' | 'no_show' | 'cancelled')[]) {
  const team = await db.insertInto('team').values({ offering_id: offeringId, name: 'Hold', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-10-01' }).returning('id').executeTakeFirstOrThrow();
  const e = await db
    .insertInto('enrolment')
    .values({ team_id: team.id, cross_referral_id: crossReferralId, status: 'ended', start_on: '2026-10-06', quota: 29, ended_on: '2026-11-20', end_reason: 'completed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, status] of marks.entries()) {
    const s = await db.insertInto('team_session').values({ team_id: team.id, starts_at: new Date(Date.UTC(2026, 9, 6 + i * 7, 9)), duration_minutes: 60 }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('attendance').values({ team_session_id: s.id, enrolment_id: e.id, team_id: team.id, status, cancel_reason: status === 'cancelled' ? 'Syg' : null }).execute();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'mixed_training');
  await aCase('enrolled, no session yet, an imported count beside it', 0, async (d, x) => {
    await anEnrolment(d, x.offeringId, x.crossReferralId, []);
    await d.updateTable('cross_referral').set({ attendances_recorded: 5 }).where('id', '=', x.crossReferralId).execute();
  });
  await aCase('enrolled with rows, an imported count beside them', 2, async (d, x) => {
    await anEnrolment(d, x.offeringId, x.crossReferralId, ['attended', 'no_show', 'attended', 'cancelled']);
    await d.updateTable('cross_referral').set({ attendances_recorded: 7 }).where('id', '=', x.crossReferralId).execute();
  });
  await aCase('no enrolment, the end note gives 12', 12, async (d, x) => {
    await d
      .insertInto('status_note')
      .values({ cross_referral_id: x.crossReferralId, kind: 'end', written_on: '2026-11-21', body: 'Slutnotat', course_end_on: '2026-11-20', attendance_count: 12, end_reason: 'completed' })
      .execute();
  });
  await aCase('no enrolment, imported count 9', 9, async (d, x) => {
    await d.updateTable('cross_referral').set({ attendances_recorded: 9 }).where('id', '=', x.crossReferralId).execute();
  });
  await aCase('nothing known', null, async () => undefined);
});
afterAll(async () => database?.close());

describe('sessions attended: one definition', () => {
  it('is what the function gives for each case', async () => {
    const rows = await sql<{ cross_referral_id: string; sessions_attended: number | null }>`
      select * from sessions_attended(${cases.map((c) => c.crossReferralId)}::uuid[])`.execute(database.db);
    for (const c of cases) expect(rows.rows.find((r) => r.cross_referral_id === c.crossReferralId)?.sessions_attended, c.name).toBe(c.expected);
  });

  it('is the same in the closing note, the status note draft, the report and the extract export', async () => {
    const db = database.db;
    const stored = await selectStoredReferrals(db);
    for (const c of cases) {
      const closing = (await listInterventions(db, c.courseId))[0]?.attended;
      const statusNote = (await findEnrolmentFacts(db, c.crossReferralId)).attended;
      const exported = stored.find((s) => s.courseId === c.courseId)?.record.interventions[0]?.attendances;
      expect({ closing, statusNote, exported }, c.name).toEqual({
        closing: c.expected,
        // The draft of a status note starts from a number: an unknown count is 0 there.
        statusNote: c.expected ?? 0,
        // The extract format needs a number with an end: an unknown count is written as 0.
        exported: c.expected ?? 0,
      });
    }
    // The report's course length: known lengths 0, 2, 12 and 9, one unknown.
    const [length] = await courseLengths(db, { from: '2026-11-01', to: '2026-11-30' }, ['0151']);
    expect(length).toMatchObject({ courses: 4, min: 0, max: 12, mean: 23 / 4, unknown: 1 });
  });
});
