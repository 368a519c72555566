import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishDate } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDemoData } from '../demo/demo.seed.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { listEnrolmentMarks } from './attendance.repository.ts';
import { onSession } from './attendance.rules.ts';
import { listSessions, listSessionsNear } from './team.repository.ts';

/* The sessions that concern an enrolment, read by its dates: the same as from the team's whole history. */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, '2026-11-20');
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe('listSessionsNear', () => {
  it("gives every demo enrolment the sessions the team's whole list gives it", async () => {
    const db = database.db;
    const enrolments = await db.selectFrom('enrolment').select(['id', 'team_id', 'status', 'start_on', 'ended_on']).execute();
    expect(enrolments.length).toBeGreaterThan(5);
    let sessions = 0;
    for (const e of enrolments) {
      const marks = await listEnrolmentMarks(db, e.id);
      const enrolment = { status: e.status, startOn: e.start_on, endedOn: e.ended_on };
      const ids = (list: { id: string; startsAt: Date }[]) => list.filter((s) => onSession(enrolment, danishDate(s.startsAt), marks.has(s.id))).map((s) => s.id);
      const all = ids(await listSessions(db, e.team_id));
      expect(ids(await listSessionsNear(db, e.team_id, { enrolmentId: e.id, startOn: e.start_on, endedOn: e.ended_on })), e.id).toEqual(all);
      sessions += all.length;
    }
    expect(sessions).toBeGreaterThan(20);
  });
});
