import type { Db } from '../../platform/database/database.ts';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import { listClosedCourses, listCoursesByIds, listOpenCourses, type ClosedCourseRow, type CourseListFilter, type CourseListRow, type OpenCourseRow } from './course-list.repository.ts';

export type { ClosedCourseRow, CourseListFilter, CourseListRow, OpenCourseRow };

/**
 * A home municipality's open courses (all, or those of given contact persons; `null` =
 * unassigned) with the facts their step is derived from. Not audited here: callers audit what
 * they show.
 */
export async function openCoursesOf(db: Db, filter: CourseListFilter): Promise<OpenCourseRow[]> {
  return listOpenCourses(db, filter);
}

/** Given courses of a home municipality, as lists show them (a page of the worklist). Not audited here. */
export async function coursesByIds(db: Db, municipalityCode: string, ids: readonly string[]): Promise<CourseListRow[]> {
  return listCoursesByIds(db, municipalityCode, ids);
}

/** A page of a home municipality's closed courses, most recently closed first; audited in the read with `auditListed`. */
export async function closedCoursesOf(db: Db, municipalityCode: string, page: { offset: number; limit: number }, auditListed: AuditInsert): Promise<{ total: number; rows: ClosedCourseRow[] }> {
  return listClosedCourses(db, municipalityCode, page, auditListed);
}
