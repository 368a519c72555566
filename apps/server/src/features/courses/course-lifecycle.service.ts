import type { Db } from '../../platform/database/database.ts';
import { closeOpenCourses, insertCourse } from './course.repository.ts';
import type { CloseReason } from './course.types.ts';

/*
 * The one place a course is opened or closed. Other features (referrals, closings) call these
 * inside their own transaction (`db` is the caller's transaction), so an action stays one
 * transaction; they check access and audit themselves.
 */

/** Opens the course of a new referral; closed at once (e.g. `not_in_target_group`) when `closed` is given. */
export async function openCourse(db: Db, c: { referralId: string; openedOn: string; closed: { closedOn: string; reason: CloseReason } | null }): Promise<string> {
  return insertCourse(db, c);
}

/**
 * Closes those of the courses that are still open, set-based: on `closedOn` (one date for all, or
 * one per course), never before a course opened; a course closed earlier keeps its date and
 * reason. Returns the ids it closed.
 */
export async function closeCourses(db: Db, courseIds: readonly string[], closedOn: string | readonly string[], reason: CloseReason): Promise<string[]> {
  const dates = typeof closedOn === 'string' ? courseIds.map(() => closedOn) : closedOn;
  if (dates.length !== courseIds.length) throw new Error('closeCourses: one date per course');
  return closeOpenCourses(db, courseIds, dates, reason);
}

/** Closes one course if it is still open; true when this call closed it. */
export async function closeCourse(db: Db, courseId: string, closedOn: string, reason: CloseReason): Promise<boolean> {
  return (await closeCourses(db, [courseId], closedOn, reason)).length === 1;
}
