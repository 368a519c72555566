import type { AssessmentArea, AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { Db } from '../../platform/database/database.ts';

export type AssessmentItemRecord = { code: string; area: AssessmentArea; labelDa: string; labelEn: string; sortOrder: number; active: boolean };

export async function listAssessmentItems(db: Db, o: { activeOnly: boolean }): Promise<AssessmentItemRecord[]> {
  let q = db.selectFrom('assessment_item').select(['code', 'area', 'label_da', 'label_en', 'sort_order', 'active']);
  if (o.activeOnly) q = q.where('active', '=', true);
  const rows = await q.orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, area: r.area, labelDa: r.label_da, labelEn: r.label_en, sortOrder: r.sort_order, active: r.active }));
}

/** Serialises writes to one course (version numbers, the one initial assessment). */
export async function lockCourse(db: Db, courseId: string): Promise<void> {
  await db.selectFrom('course').select('id').where('id', '=', courseId).forUpdate().execute();
}

export async function hasInitialAssessment(db: Db, courseId: string): Promise<boolean> {
  const r = await db.selectFrom('needs_assessment').select('id').where('course_id', '=', courseId).where('occasion', '=', 'initial').executeTakeFirst();
  return r !== undefined;
}

export type NewAssessment = {
  courseId: string;
  occasion: AssessmentOccasion;
  assessedOn: string;
  scaleScore: number;
  whatMattersMost: string;
  professionalAssessment: string;
  recordedBy: string | null;
  problems: { itemCode: string; note: string | null }[];
};

export async function insertAssessment(db: Db, a: NewAssessment): Promise<string> {
  const row = await db
    .insertInto('needs_assessment')
    .values({
      course_id: a.courseId,
      occasion: a.occasion,
      assessed_on: a.assessedOn,
      scale_score: a.scaleScore,
      what_matters_most: a.whatMattersMost,
      professional_assessment: a.professionalAssessment,
      recorded_by: a.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.problems.length > 0) {
    await db
      .insertInto('needs_assessment_problem')
      .values(a.problems.map((p) => ({ needs_assessment_id: row.id, item_code: p.itemCode, note: p.note })))
      .execute();
  }
  return row.id;
}

export type AssessmentRecord = {
  id: string;
  courseId: string;
  occasion: AssessmentOccasion;
  assessedOn: string;
  scaleScore: number | null;
  whatMattersMost: string | null;
  professionalAssessment: string | null;
  recordedBy: string | null;
  recordedAt: string;
  problems: { itemCode: string; area: AssessmentArea; labelDa: string; labelEn: string; note: string | null; sortOrder: number }[];
};

export async function listAssessments(db: Db, courseId: string): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom('needs_assessment as n')
    .leftJoin('staff_user as s', 's.id', 'n.recorded_by')
    .select(['n.id', 'n.course_id', 'n.occasion', 'n.assessed_on', 'n.scale_score', 'n.what_matters_most', 'n.professional_assessment', 's.display_name', 'n.recorded_at'])
    .where('n.course_id', '=', courseId)
    .execute();
  if (rows.length === 0) return [];
  const problems = await db
    .selectFrom('needs_assessment_problem as p')
    .innerJoin('assessment_item as i', 'i.code', 'p.item_code')
    .select(['p.needs_assessment_id', 'p.item_code', 'p.note', 'i.area', 'i.label_da', 'i.label_en', 'i.sort_order'])
    .where(
      'p.needs_assessment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('i.sort_order')
    .orderBy('p.item_code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    occasion: r.occasion,
    assessedOn: r.assessed_on,
    scaleScore: r.scale_score,
    whatMattersMost: r.what_matters_most,
    professionalAssessment: r.professional_assessment,
    recordedBy: r.display_name,
    recordedAt: new Date(r.recorded_at).toISOString(),
    problems: problems
      .filter((p) => p.needs_assessment_id === r.id)
      .map((p) => ({ itemCode: p.item_code, area: p.area, labelDa: p.label_da, labelEn: p.label_en, note: p.note, sortOrder: p.sort_order })),
  }));
}
