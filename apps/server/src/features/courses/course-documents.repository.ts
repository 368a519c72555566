import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/** Per course, the day the preparation letter (with the form) was sent, when it was. */
export async function listPreparationLetterDates(db: Db, courseIds: string[]): Promise<{ courseId: string; sentOn: string }[]> {
  if (courseIds.length === 0) return [];
  const r = await sql<{ course_id: string; sent_on: string }>`
    select c.course_id, max(c.preparation_form_sent_on)::text as sent_on
      from course_contact c
     where c.course_id = any(${courseIds}::uuid[]) and c.preparation_form_sent_on is not null
     group by c.course_id`.execute(db);
  return r.rows.map((x) => ({ courseId: x.course_id, sentOn: x.sent_on }));
}
