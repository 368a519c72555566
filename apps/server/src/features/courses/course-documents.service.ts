import type { Db } from '../../platform/database/database.ts';
import { listPreparationLetterDates } from './course-documents.repository.ts';

/**
 * The preparation letters sent on these courses (one per course, dated the day it was sent), for
 * the citizen's documents: the caller has decided the courses are the citizen's and audits.
 */
export async function listPreparationLettersIn(db: Db, courseIds: string[]): Promise<{ courseId: string; sentOn: string }[]> {
  return listPreparationLetterDates(db, courseIds);
}
