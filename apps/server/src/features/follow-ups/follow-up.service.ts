import type { z } from 'zod';
import type { FollowUp, FollowUpList, followUpHeld, VulnerableResult, vulnerableUpdate } from '@samkraft/contracts/follow-ups';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { setCitizenVulnerable } from '../citizens/citizen-record.service.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { recordGoalStatusesIn } from '../plans/plan-goal-status.service.ts';
import { checkHeld, checkSchedule, suggestNextFollowUp } from './follow-up.rules.ts';
import {
  findCitizenCourseIn,
  findCitizenVulnerable,
  findFollowUpCourse,
  insertFollowUp,
  listFollowUps,
  markFollowUpHeld,
} from './follow-up.repository.ts';

const actorId = (ctx: ServiceContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

/**
 * Schedules a follow-up inside the caller's transaction, with its audit event. The plan service
 * uses it so that saving the first plan and booking its first follow-up land together.
 */
export async function scheduleFollowUpIn(trx: Db, ctx: ServiceContext, key: { courseId: string; citizenId: string }, plannedOn: string): Promise<string> {
  const id = await insertFollowUp(trx, { courseId: key.courseId, plannedOn, recordedBy: actorId(ctx) });
  await audit(trx, ctx, [
    { action: 'follow_up.schedule', citizenId: key.citizenId, entityType: 'follow_up', entityId: id, outcome: 'allowed', detail: { courseId: key.courseId, plannedOn } },
  ]);
  return id;
}

async function readFollowUp(db: Db, courseId: string, id: string): Promise<FollowUp> {
  const f = (await listFollowUps(db, courseId)).find((x) => x.id === id);
  if (!f) throw new AppError('internal', 'The follow-up could not be read back');
  // Read back right after it was planned on an open course, or held: never lapsed.
  return { ...f, lapsed: false };
}

export async function scheduleFollowUp(ctx: ServiceContext, courseId: string, plannedOn: string): Promise<FollowUp> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'follow_up.schedule');
  if (key.closedOn) throw new AppError('conflict', `The course closed on ${key.closedOn}: no more follow-ups are planned`, [{ field: 'plannedOn', code: 'course_closed', message: 'the course is closed' }]);
  const issues = checkSchedule({ plannedOn, today: danishDate(ctx.clock.now()) });
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await scheduleFollowUpIn(trx, ctx, key, plannedOn);
    return readFollowUp(trx, courseId, id);
  });
}

export async function recordFollowUpHeld(ctx: ServiceContext, followUpId: string, input: z.output<typeof followUpHeld>): Promise<FollowUp> {
  const found = await findFollowUpCourse(ctx.db, followUpId);
  if (!found) {
    await audit(ctx.db, ctx, [{ action: 'follow_up.held', citizenId: null, entityType: 'follow_up', entityId: followUpId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Follow-up');
  }
  const key = await requireCourseAccess(ctx, found.courseId, 'write', 'follow_up.held');
  const issues = checkHeld({ heldOn: input.heldOn, today: danishDate(ctx.clock.now()) });
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    const { goals = [], ...held } = input;
    const updated = await markFollowUpHeld(trx, { id: followUpId, ...held, recordedBy: actorId(ctx) });
    if (!updated) throw new AppError('conflict', 'This follow-up is already recorded as held', [{ field: 'followUpId', code: 'already_held', message: 'is already held' }]);
    await audit(trx, ctx, [
      {
        action: 'follow_up.held',
        citizenId: key.citizenId,
        entityType: 'follow_up',
        entityId: followUpId,
        outcome: 'allowed',
        detail: { courseId: key.courseId, heldOn: input.heldOn, planRevised: input.planRevised },
      },
    ]);
    await recordGoalStatusesIn(trx, ctx, key, { occasion: 'follow_up', followUpId, recordedOn: input.heldOn, goals, at: 'goals' });
    return readFollowUp(trx, key.courseId, followUpId);
  });
}

export async function getFollowUps(ctx: ServiceContext, courseId: string): Promise<FollowUpList> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'follow_up.read');
  return ctx.db.transaction().execute(async (trx) => {
    const followUps = await listFollowUps(trx, courseId);
    const vulnerable = (await findCitizenVulnerable(trx, key.citizenId)) ?? false;
    await audit(trx, ctx, [{ action: 'follow_up.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    const suggestion = suggestNextFollowUp({ vulnerable, heldOn: followUps.map((f) => f.heldOn), today: danishDate(ctx.clock.now()) });
    // A follow-up planned but never held lapses with the course; it is not something left to do.
    const shown = followUps.map((f) => ({ ...f, lapsed: key.closedOn !== null && f.heldOn === null }));
    return { citizenId: key.citizenId, vulnerable, followUps: shown, courseClosedOn: key.closedOn, suggestion };
  });
}

/**
 * Flags or unflags a citizen as particularly vulnerable (note §12.2). Who may do it is decided
 * through the citizen's course in the actor's own municipality; the reason goes to the audit log.
 */
export async function setVulnerable(ctx: ServiceContext, citizenId: string, input: z.output<typeof vulnerableUpdate>): Promise<VulnerableResult> {
  const municipality = ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : '';
  const courseId = await findCitizenCourseIn(ctx.db, citizenId, municipality);
  if (!courseId) {
    await audit(ctx.db, ctx, [{ action: 'citizen.vulnerable', citizenId: null, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: 'no_course_in_municipality' } }]);
    throw AppError.notFound('Citizen');
  }
  const key = await requireCourseAccess(ctx, courseId, 'write', 'citizen.vulnerable');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findCitizenVulnerable(trx, citizenId);
    await setCitizenVulnerable(trx, citizenId, input.vulnerable);
    await audit(trx, ctx, [
      {
        action: 'citizen.vulnerable',
        citizenId: key.citizenId,
        entityType: 'citizen',
        entityId: citizenId,
        outcome: 'allowed',
        detail: { courseId, from: before ?? null, to: input.vulnerable, reason: input.reason },
      },
    ]);
    return { citizenId, vulnerable: input.vulnerable };
  });
}
