import type { Db } from '../platform/database/database.ts';
import { DEADLINE_POLICIES, DEFAULT_CLOSING_DAYS } from '../features/reference-data/policies.data.ts';

/**
 * Rows the deadline tests need besides the shared factories: the note's policies and the
 * default closing days (test databases are migrated, not seeded), and recorded events.
 */
export async function seedDeadlineDefaults(db: Db): Promise<void> {
  await db
    .insertInto('deadline_policy')
    .values(DEADLINE_POLICIES.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, effective_from: p.effectiveFrom, source: p.source })))
    .execute();
  await db
    .insertInto('closing_day')
    .values(DEFAULT_CLOSING_DAYS.map((d) => ({ municipality_code: null, recurring: true, month: d.month, day: d.day, on_date: null, label: d.label })))
    .execute();
}

export async function aClosingDay(db: Db, municipalityCode: string, onDate: string): Promise<void> {
  await db.insertInto('closing_day').values({ municipality_code: municipalityCode, recurring: false, on_date: onDate, label: 'Lukkedag' }).execute();
}

export async function aFirstContact(db: Db, courseId: string, contactedOn: string, reached = true): Promise<void> {
  await db.insertInto('course_contact').values({ course_id: courseId, contacted_on: contactedOn, channel: 'phone', reached }).execute();
}
