import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { PdfDocument } from '../../platform/pdf/render-pdf.ts';
import { listPlanVersions } from './plan-documents.repository.ts';
import { planLetter } from './plan-letter.ts';
import { findPlan, findPlanLetterFacts } from './plan.repository.ts';

/**
 * The action plan versions of these courses, for the citizen's documents: the caller has decided
 * the courses are the citizen's and audits the read in its transaction.
 */
export async function listPlanVersionsIn(db: Db, courseIds: string[]): Promise<{ id: string; courseId: string; version: number; agreedOn: string }[]> {
  return listPlanVersions(db, courseIds);
}

/** The citizen's copy of one plan version, to render as PDF (access and audit are the caller's). */
export async function planLetterIn(db: Db, courseId: string, version: number): Promise<{ doc: PdfDocument; filename: string }> {
  const plan = await findPlan(db, courseId, version);
  const facts = await findPlanLetterFacts(db, courseId);
  if (!plan || !facts) throw AppError.notFound('Action plan version');
  return { doc: planLetter(plan, facts), filename: `handleplan-v${version}.pdf` };
}
