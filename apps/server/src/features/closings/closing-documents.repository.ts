import type { Db } from '../../platform/database/database.ts';

/** The closing notes of these courses that were sent (the citizen's copy is the note as sent). */
export async function listSentClosingNotes(db: Db, courseIds: string[]): Promise<{ id: string; courseId: string; sentOn: string }[]> {
  if (courseIds.length === 0) return [];
  const rows = await db
    .selectFrom('closing_note')
    .select(['id', 'course_id', 'sent_on'])
    .where('course_id', '=', (eb) => eb.fn.any(eb.val(courseIds)))
    .where('sent_on', 'is not', null)
    .orderBy('course_id')
    .execute();
  return rows.map((r) => ({ id: r.id, courseId: r.course_id, sentOn: r.sent_on ?? '' }));
}
