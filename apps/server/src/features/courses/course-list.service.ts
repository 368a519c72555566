import type { Db } from '../../platform/database/database.ts';
import { listOpenCourses, type CourseListFilter, type OpenCourseRow } from './course-list.repository.ts';

export type { CourseListFilter, OpenCourseRow };

/**
 * A home municipality's open courses (all, or those of given contact persons; `null` =
 * unassigned), or given courses by id, with the facts their step is derived from. Not audited
 * here: callers audit what they show.
 */
export async function openCoursesOf(db: Db, filter: CourseListFilter): Promise<OpenCourseRow[]> {
  return listOpenCourses(db, filter);
}
