import type { Db } from '../../platform/database/database.ts';

/** Every action plan version of these courses (id, version, the day it was agreed), oldest first. */
export async function listPlanVersions(db: Db, courseIds: string[]): Promise<{ id: string; courseId: string; version: number; agreedOn: string }[]> {
  if (courseIds.length === 0) return [];
  const rows = await db.selectFrom('action_plan').select(['id', 'course_id', 'version', 'agreed_on']).where('course_id', '=', (eb) => eb.fn.any(eb.val(courseIds))).orderBy('course_id').orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, courseId: r.course_id, version: r.version, agreedOn: r.agreed_on }));
}
