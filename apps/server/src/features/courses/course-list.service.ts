import type { ClosedCourseItem } from '@samkraft/contracts/worklist';
import type { CourseStep } from '@samkraft/contracts/start';
import type { Db } from '../../platform/database/database.ts';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import { toCourseSummaryAt } from './course-list.mapper.ts';
import { listClosedCourses, listCoursesByIds, listOpenCourses, type CourseListFilter, type CourseListRow, type OpenCourseRow } from './course-list.repository.ts';
import { courseStep } from './course-step.rules.ts';

export type { CourseListFilter, CourseListRow, OpenCourseRow };

/** An open course as lists show it, with the facts its step is derived from and that step. */
export type OpenCourse = OpenCourseRow & { step: CourseStep };

/**
 * A home municipality's open courses (all, or those of given contact persons; `null` =
 * unassigned), each at its step. Not audited here: callers audit what they show.
 */
export async function openCoursesOf(db: Db, filter: CourseListFilter): Promise<OpenCourse[]> {
  const rows = await listOpenCourses(db, filter);
  return rows.map((r) => ({ ...r, step: courseStep(r) }));
}

/** Given courses of a home municipality, as lists show them (a page of the worklist). Not audited here. */
export async function coursesByIds(db: Db, municipalityCode: string, ids: readonly string[]): Promise<CourseListRow[]> {
  return listCoursesByIds(db, municipalityCode, ids);
}

/** A page of a home municipality's closed courses as the list shows them, most recently closed first; audited in the read with `auditListed`. */
export async function closedCoursesOf(db: Db, municipalityCode: string, page: { offset: number; limit: number }, auditListed: AuditInsert): Promise<{ total: number; items: ClosedCourseItem[] }> {
  const { total, rows } = await listClosedCourses(db, municipalityCode, page, auditListed);
  return { total, items: rows.map((r) => ({ ...toCourseSummaryAt(r, 'closed'), closedOn: r.closedOn, closeReason: r.closeReason })) };
}
