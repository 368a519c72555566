import type { Db } from '../../platform/database/database.ts';
import { findCourseContactDetails } from './course.repository.ts';
import type { CourseContactDetails } from './course-contact-details.rules.ts';

/**
 * The course's contact details for a letter or a provider. Staff data, no citizen's: the caller
 * has decided access to the course and audits its own read.
 */
export async function courseContactDetails(db: Db, courseId: string): Promise<CourseContactDetails | undefined> {
  return findCourseContactDetails(db, courseId);
}
