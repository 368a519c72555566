import type { GoalStatus } from '@samkraft/contracts/plans';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { CourseKey } from '../courses/course.types.ts';
import { findPlan, insertGoalStatuses, listCurrentGoalIds, listPlanVersions, type PlanRecord } from './plan.repository.ts';

/*
 * The goals' status over time (issue 10.22), for the features that hold the conversations where
 * goals are judged: follow-ups and the closing. Apart from plan.service.ts, which books the
 * first follow-up and so imports the follow-ups feature.
 */

/** The course's current (latest) plan version with each goal's latest status, in the caller's transaction. */
export async function findCurrentPlanIn(trx: Db, courseId: string): Promise<PlanRecord | undefined> {
  const latest = (await listPlanVersions(trx, courseId))[0];
  return latest ? findPlan(trx, courseId, latest.version) : undefined;
}

export type GoalStatusOccasion = { occasion: 'follow_up'; followUpId: string } | { occasion: 'closing'; closingConversationId: string };

/**
 * Records how each goal of the current plan was judged at a follow-up or at the closing
 * conversation, inside the caller's transaction, with its audit event. Appended as history; a
 * goal not of the current plan version is refused, naming its place in the body (`at`).
 */
export async function recordGoalStatusesIn(
  trx: Db,
  ctx: ServiceContext,
  key: CourseKey,
  o: GoalStatusOccasion & { recordedOn: string; goals: { goalId: string; status: GoalStatus }[]; at: string },
): Promise<void> {
  if (o.goals.length === 0) return;
  const current = new Set(await listCurrentGoalIds(trx, key.courseId));
  const issues: FieldIssue[] = o.goals.flatMap((g, i) =>
    current.has(g.goalId) ? [] : [{ field: `${o.at}[${i}].goalId`, code: 'not_goal_of_plan' as const, message: 'is not a goal of the current action plan' }],
  );
  if (issues.length > 0) throw AppError.validation(issues);
  await insertGoalStatuses(
    trx,
    o.goals.map((g) => ({
      goalId: g.goalId,
      status: g.status,
      occasion: o.occasion,
      followUpId: o.occasion === 'follow_up' ? o.followUpId : null,
      closingConversationId: o.occasion === 'closing' ? o.closingConversationId : null,
      recordedOn: o.recordedOn,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      at: ctx.clock.now(),
    })),
  );
  await audit(trx, ctx, [
    {
      action: 'plan_goal.status',
      citizenId: key.citizenId,
      entityType: o.occasion === 'follow_up' ? 'follow_up' : 'closing_conversation',
      entityId: o.occasion === 'follow_up' ? o.followUpId : o.closingConversationId,
      outcome: 'allowed',
      detail: { courseId: key.courseId, recordedOn: o.recordedOn, goals: o.goals.map((g) => `${g.goalId}:${g.status}`) },
    },
  ]);
}
