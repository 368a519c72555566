import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database.ts';
import type { Database } from './database.ts';

/**
 * Foreign keys that have no index, each with the reason. Staff columns that only say who did
 * something are never joined from the big tables, and staff users are never deleted (they are
 * deactivated); the reference tables' rows are never deleted either.
 */
const WITHOUT_INDEX: Record<string, string> = {
  'action_plan.created_by': 'who, never joined',
  'attendance.recorded_by': 'who, never joined',
  'closing_conversation.recorded_by': 'who, never joined',
  'closing_note.edited_by': 'who, never joined',
  'closing_note.sent_by': 'who, never joined',
  'course_assignment.assigned_by': 'who, never joined',
  'course_assignment.staff_user_id': 'the partial index on current assignments serves every query (a contact person’s open courses)',
  'course_contact.recorded_by': 'who, never joined',
  'course_relative.created_by': 'who, never joined',
  'course_relative.updated_by': 'who, never joined',
  'cross_referral.intervention_code': 'reference table; queries reach cross_referral by course, provider, offering or date',
  'cross_referral.sent_by': 'who, never joined',
  'cross_referral_update.sent_by': 'who, never joined',
  'deadline_pause.recorded_by': 'who, never joined',
  'decline.recorded_by': 'who, never joined',
  'deeper_assessment.recorded_by': 'who, never joined',
  'deeper_assessment_test.recorded_by': 'who; joined only from a measurement to its staff user, by the user’s primary key',
  'extract_import.actor_user_id': 'who, never joined',
  'follow_up.recorded_by': 'who, never joined',
  'needs_assessment.recorded_by': 'who, never joined',
  'plan_goal_status.recorded_by': 'who, never joined',
  'needs_assessment_problem.item_code': 'reference table (the form items)',
  'referral.created_by': 'who, never joined',
  'relative_attendance.recorded_by': 'who, never joined',
  'referral.diagnosis_code': 'reference table; joined from referral to diagnosis by its primary key',
  'routing.reviewed_by': 'who, never joined',
  'status_note.author_id': 'who, never joined',
  'status_note.read_by': 'who, never joined',
  'team_session.cancelled_by': 'who, never joined',
};

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('indexes', () => {
  it('has an index on every foreign key, led by its first column, but for the listed exceptions', async () => {
    const result = await sql<{ key: string }>`
      select c.conrelid::regclass::text || '.' || a.attname as key
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid and i.indpred is null and i.indkey[0] = c.conkey[1]
        )
      order by 1`.execute(database.db);
    const missing = result.rows.map((r) => r.key).filter((key) => !(key in WITHOUT_INDEX));
    expect(missing, 'foreign keys without an index: add one in a migration, or list the key with its reason').toEqual([]);
    // An exception that got an index (or whose key is gone) is stale.
    const stale = Object.keys(WITHOUT_INDEX).filter((key) => !result.rows.some((r) => r.key === key));
    expect(stale, 'listed as without an index, but it has one (or is gone)').toEqual([]);
  });
});
