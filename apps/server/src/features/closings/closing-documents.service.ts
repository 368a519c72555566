import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { PdfDocument } from '../../platform/pdf/render-pdf.ts';
import { listSentClosingNotes } from './closing-documents.repository.ts';
import { findClosingCourse, findNote } from './closing.repository.ts';
import { closingLetterOf } from './closing.service.ts';

/**
 * The sent closing notes of these courses, for the citizen's documents: the caller has decided
 * the courses are the citizen's and audits the read in its transaction.
 */
export async function listSentClosingNotesIn(db: Db, courseIds: string[]): Promise<{ id: string; courseId: string; sentOn: string }[]> {
  return listSentClosingNotes(db, courseIds);
}

/** The sent closing note as the letter it was, to render as PDF (access and audit are the caller's). */
export async function closingNoteLetterIn(db: Db, courseId: string): Promise<{ doc: PdfDocument; filename: string }> {
  const course = await findClosingCourse(db, courseId);
  const note = await findNote(db, courseId);
  if (!course || !note?.sentOn) throw AppError.notFound('Closing note');
  return { doc: await closingLetterOf(db, course, note, note.sentOn), filename: 'afslutningsnotat.pdf' };
}
