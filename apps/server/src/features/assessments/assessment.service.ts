import type { AssessmentItemList, NeedsAssessment, NeedsAssessmentList } from '@samkraft/contracts/assessments';
import { assessmentAreas } from '@samkraft/contracts/assessments';
import type { z } from 'zod';
import type { needsAssessmentCreate } from '@samkraft/contracts/assessments';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { computeAssessmentChange, orderAssessments } from './assessment-change.rules.ts';
import { checkAssessmentInput, isSecondInitial } from './assessment.rules.ts';
import { hasInitialAssessment, insertAssessment, listAssessmentItems, listAssessments, lockCourse, type AssessmentRecord } from './assessment.repository.ts';

type NeedsAssessmentInput = z.output<typeof needsAssessmentCreate>;

/** The item list is reference data, not a citizen's: no audit. */
export async function getAssessmentItems(ctx: Pick<ServiceContext, 'db'>): Promise<AssessmentItemList> {
  const items = await listAssessmentItems(ctx.db, { activeOnly: true });
  return {
    areas: assessmentAreas
      .map((area) => ({ area, items: items.filter((i) => i.area === area).map(({ code, labelDa, labelEn }) => ({ code, area, labelDa, labelEn })) }))
      .filter((a) => a.items.length > 0),
  };
}

function toDto(r: AssessmentRecord): NeedsAssessment {
  return { ...r, problems: r.problems.map(({ sortOrder: _s, ...p }) => p) };
}

export async function createNeedsAssessment(ctx: ServiceContext, courseId: string, input: NeedsAssessmentInput): Promise<NeedsAssessment> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'needs_assessment.create');
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const hasInitial = await hasInitialAssessment(trx, courseId);
    if (isSecondInitial(input.occasion, hasInitial)) {
      throw new AppError('conflict', 'occasion: this course already has an initial needs assessment', [
        { field: 'occasion', code: 'initial_exists', message: 'this course already has an initial needs assessment' },
      ]);
    }
    const active = await listAssessmentItems(trx, { activeOnly: true });
    const issues = checkAssessmentInput({
      occasion: input.occasion,
      assessedOn: input.assessedOn,
      itemCodes: input.problems.map((p) => p.itemCode),
      today,
      activeItemCodes: new Set(active.map((i) => i.code)),
      hasInitial,
    });
    if (issues.length > 0) throw AppError.validation(issues);
    const id = await insertAssessment(trx, {
      courseId,
      occasion: input.occasion,
      assessedOn: input.assessedOn,
      scaleScore: input.scaleScore,
      whatMattersMost: input.whatMattersMost,
      professionalAssessment: input.professionalAssessment,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      problems: input.problems.map((p) => ({ itemCode: p.itemCode, note: p.note?.length ? p.note : null })),
    });
    await audit(trx, ctx, [
      { action: 'needs_assessment.create', citizenId: key.citizenId, entityType: 'needs_assessment', entityId: id, outcome: 'allowed', detail: { courseId, occasion: input.occasion } },
    ]);
    const saved = (await listAssessments(trx, courseId)).find((a) => a.id === id);
    if (!saved) throw new AppError('internal', 'The saved assessment could not be read back');
    return toDto(saved);
  });
}

export async function getNeedsAssessments(ctx: ServiceContext, courseId: string): Promise<NeedsAssessmentList> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'needs_assessment.read');
  return ctx.db.transaction().execute(async (trx) => {
    const list = orderAssessments(await listAssessments(trx, courseId));
    await audit(trx, ctx, [{ action: 'needs_assessment.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return { assessments: list.map(toDto), change: computeAssessmentChange(list) };
  });
}

/**
 * The course's latest needs assessment (by date, then by when recorded), inside the caller's
 * transaction; the caller decides access and audits (the plan's draft reads it).
 */
export async function findLatestAssessmentIn(trx: Db, courseId: string): Promise<AssessmentRecord | undefined> {
  const list = await listAssessments(trx, courseId);
  return list.sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.recordedAt.localeCompare(a.recordedAt))[0];
}
