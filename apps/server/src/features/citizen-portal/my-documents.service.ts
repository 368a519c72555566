import type { MyDocuments } from '@samkraft/contracts/my-documents';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { renderPdf, type PdfDocument } from '../../platform/pdf/render-pdf.ts';
import { listSentClosingNotesIn, closingNoteLetterIn } from '../closings/closing-documents.service.ts';
import { listPreparationLettersIn } from '../courses/course-documents.service.ts';
import { preparationLetterDocumentIn } from '../courses/course.service.ts';
import { listPlanVersionsIn, planLetterIn } from '../plans/plan-documents.service.ts';
import { listCoursesOf } from './my-documents.repository.ts';
import { parseDocumentId, toMyDocuments } from './my-documents.rules.ts';

/** The citizen's documents, each found through its owner's service over the citizen's own courses. */
async function documentsOf(db: Db, citizenId: string) {
  const courses = await listCoursesOf(db, citizenId);
  const ids = courses.map((c) => c.id);
  const letters = await listPreparationLettersIn(db, ids);
  const plans = await listPlanVersionsIn(db, ids);
  const notes = await listSentClosingNotesIn(db, ids);
  return toMyDocuments(courses, { letters, plans, notes });
}

/**
 * "Mine dokumenter": the preparation letters, action plan versions and sent closing notes of the
 * signed-in citizen's courses. The citizen is the session's; the read is audited in its
 * transaction with the citizen as the actor (one event per course with documents, or one that
 * there were none).
 */
export async function getMyDocuments(ctx: CitizenContext): Promise<MyDocuments> {
  const citizenId = ctx.actor.citizenId;
  return ctx.db.transaction().execute(async (trx) => {
    const documents = await documentsOf(trx, citizenId);
    const courseIds = [...new Set(documents.map((d) => d.courseId))];
    await audit(
      trx,
      ctx,
      courseIds.length > 0
        ? courseIds.map((id) => ({ action: 'citizen_portal.documents', citizenId, entityType: 'course', entityId: id, outcome: 'allowed' as const, detail: { count: documents.filter((d) => d.courseId === id).length } }))
        : [{ action: 'citizen_portal.documents', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed' }],
    );
    return { documents };
  });
}

/**
 * One of the citizen's documents as PDF, made by its owner's renderer. A document that is not
 * among the citizen's own (another citizen's, or none) answers 404, and the refusal is audited.
 */
export async function getMyDocument(ctx: CitizenContext, documentId: string): Promise<{ bytes: Buffer; filename: string }> {
  const citizenId = ctx.actor.citizenId;
  const { kind, recordId } = parseDocumentId(documentId);
  const found = await ctx.db.transaction().execute(async (trx): Promise<{ doc: PdfDocument; filename: string } | null> => {
    const doc = (await documentsOf(trx, citizenId)).find((d) => d.id === documentId);
    if (!doc) return null;
    const made =
      kind === 'preparation_letter'
        ? { doc: await preparationLetterDocumentIn(trx, doc.courseId, doc.date), filename: 'brev-stoette-til-livet-med-kraeft.pdf' }
        : kind === 'action_plan'
          ? await planLetterIn(trx, doc.courseId, doc.version ?? 0)
          : await closingNoteLetterIn(trx, doc.courseId);
    await audit(trx, ctx, [{ action: 'citizen_portal.document', citizenId, entityType: kind, entityId: recordId, outcome: 'allowed', detail: { courseId: doc.courseId, date: doc.date } }]);
    return made;
  });
  if (!found) {
    await audit(ctx.db, ctx, [{ action: 'citizen_portal.document', citizenId, entityType: kind, entityId: recordId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Document');
  }
  return { bytes: await renderPdf(found.doc), filename: found.filename };
}
