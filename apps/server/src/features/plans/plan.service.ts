import type { z } from 'zod';
import type { ActionPlan, actionPlanCreate, ActionPlanDraft, ActionPlanOverview } from '@samkraft/contracts/plans';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { findLatestAssessmentIn } from '../assessments/assessment.service.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { scheduleFollowUpIn } from '../follow-ups/follow-up.service.ts';
import { planLetter } from './plan-letter.ts';
import {
  findPlan,
  findPlanLetterFacts,
  insertPlan,
  listPlanVersions,
  lockCourse,
  nextPlanVersion,
} from './plan.repository.ts';
import { checkPlanInput, draftDifficultiesAndNeeds } from './plan.rules.ts';

type PlanInput = z.output<typeof actionPlanCreate>;

const orNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * Saves a new version of a course's action plan. Version 1 is the plan and books its first
 * follow-up; later versions are revisions and need their reason. Versions are never changed.
 */
export async function createPlanVersion(ctx: ServiceContext, courseId: string, input: PlanInput): Promise<ActionPlan> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'action_plan.create');
  const today = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const version = await nextPlanVersion(trx, courseId);
    const issues = checkPlanInput({
      version,
      today,
      agreedOn: input.agreedOn,
      evaluationOn: input.evaluationOn,
      firstFollowUpOn: input.firstFollowUpOn,
      goalTargets: input.goals.map((g) => g.targetOn),
      revisionReason: input.revisionReason,
    });
    if (issues.length > 0) throw AppError.validation(issues);
    const id = await insertPlan(trx, {
      courseId,
      version,
      agreedOn: input.agreedOn,
      difficultiesAndNeeds: input.difficultiesAndNeeds,
      purposeAndContent: input.purposeAndContent,
      location: input.location,
      otherAdministrations: input.otherAdministrations,
      returnToWork: orNull(input.returnToWork),
      evaluationOn: input.evaluationOn,
      evaluationBy: input.evaluationBy,
      firstFollowUpOn: input.firstFollowUpOn,
      revisionReason: version === 1 ? null : orNull(input.revisionReason),
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      responsibilities: input.responsibilities,
      goals: input.goals.map((g) => ({ description: g.description, targetOn: g.targetOn ?? null, status: g.status })),
    });
    await audit(trx, ctx, [
      { action: 'action_plan.create', citizenId: key.citizenId, entityType: 'action_plan', entityId: id, outcome: 'allowed', detail: { courseId, version } },
    ]);
    if (version === 1) await scheduleFollowUpIn(trx, ctx, key, input.firstFollowUpOn);
    const saved = await findPlan(trx, courseId, version);
    if (!saved) throw new AppError('internal', 'The saved plan could not be read back');
    return saved;
  });
}

export async function getPlanOverview(ctx: ServiceContext, courseId: string): Promise<ActionPlanOverview> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'action_plan.read');
  return ctx.db.transaction().execute(async (trx) => {
    const versions = await listPlanVersions(trx, courseId);
    const latest = versions[0];
    const current = latest ? ((await findPlan(trx, courseId, latest.version)) ?? null) : null;
    await audit(trx, ctx, [{ action: 'action_plan.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { version: latest?.version ?? null } }]);
    return { current, versions };
  });
}

export async function getPlanVersion(ctx: ServiceContext, courseId: string, version: number): Promise<ActionPlan> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'action_plan.read');
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, courseId, version);
    if (!plan) throw AppError.notFound('Action plan version');
    await audit(trx, ctx, [{ action: 'action_plan.read', citizenId: key.citizenId, entityType: 'action_plan', entityId: plan.id, outcome: 'allowed', detail: { version } }]);
    return plan;
  });
}

/** The citizen's Danish copy of one plan version, as PDF bytes; the print is audited as a read. */
export async function getPlanPdf(ctx: ServiceContext, courseId: string, version: number): Promise<{ bytes: Buffer; filename: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'action_plan.pdf');
  const { plan, facts } = await ctx.db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, courseId, version);
    const facts = await findPlanLetterFacts(trx, courseId);
    if (!plan || !facts) throw AppError.notFound('Action plan version');
    await audit(trx, ctx, [{ action: 'action_plan.pdf', citizenId: key.citizenId, entityType: 'action_plan', entityId: plan.id, outcome: 'allowed', detail: { version } }]);
    return { plan, facts };
  });
  return { bytes: await renderPdf(planLetter(plan, facts)), filename: `handleplan-v${version}.pdf` };
}

/**
 * What a new plan starts from (issue 10.22): the difficulties and needs found in the course's
 * latest needs assessment, composed as Danish text for the contact person to edit and save.
 */
export async function getPlanDraft(ctx: ServiceContext, courseId: string): Promise<ActionPlanDraft> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'action_plan.draft');
  return ctx.db.transaction().execute(async (trx) => {
    const assessment = await findLatestAssessmentIn(trx, courseId);
    await audit(trx, ctx, [
      { action: 'action_plan.draft', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { assessmentId: assessment?.id ?? null } },
    ]);
    if (!assessment) return { difficultiesAndNeeds: null, basedOn: null };
    return {
      difficultiesAndNeeds: draftDifficultiesAndNeeds(assessment),
      basedOn: { assessmentId: assessment.id, occasion: assessment.occasion, assessedOn: assessment.assessedOn },
    };
  });
}
