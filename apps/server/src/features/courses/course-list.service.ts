import type { Db } from '../../platform/database/database.ts';
import { listOpenCourses, type OpenCourseRow } from './course-list.repository.ts';

export type { OpenCourseRow };

/** A home municipality's open courses with the facts their step is derived from. Not audited here: callers audit what they show. */
export async function openCoursesOf(db: Db, municipalityCode: string): Promise<OpenCourseRow[]> {
  return listOpenCourses(db, municipalityCode);
}
