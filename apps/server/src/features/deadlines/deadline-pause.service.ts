import { providerDeadlineKinds, type DeadlineKind, type DeadlinePause, type DeadlinePauseBody, type DeadlineResumeBody } from '@samkraft/contracts/deadlines';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { findCrossReferralOfCourse, findOpenPause, findPause, insertPause, resumePause, type PauseRow } from './deadline.repository.ts';

const isProviderKind = (kind: DeadlineKind): boolean => providerDeadlineKinds.some((k) => k === kind);

function toDto(p: PauseRow): DeadlinePause {
  return { id: p.id, courseId: p.courseId, deadlineKind: p.deadlineKind, crossReferralId: p.crossReferralId, pausedOn: p.pausedOn, resumedOn: p.resumedOn, reason: p.reason, note: p.note };
}

/**
 * Stops a deadline's clock (the citizen's wish, a hospital admission, …). The paused working
 * days move its due date and are reported apart from the municipality's own delays.
 */
export async function pauseDeadline(ctx: ServiceContext, courseId: string, body: DeadlinePauseBody): Promise<DeadlinePause> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'deadline_pause.create');
  const today = danishDate(ctx.clock.now());
  if (body.pausedOn > today) throw AppError.validation([{ field: 'pausedOn', code: 'future_date', message: 'must not be in the future' }]);
  const crossReferralId = body.crossReferralId ?? null;
  if (isProviderKind(body.deadlineKind)) {
    if (!crossReferralId) throw AppError.validation([{ field: 'crossReferralId', code: 'cross_referral_required', message: `is required for ${body.deadlineKind}` }]);
    const x = await findCrossReferralOfCourse(ctx.db, crossReferralId);
    if (!x || x.courseId !== courseId || x.kind !== 'cross_municipal') {
      throw AppError.validation([{ field: 'crossReferralId', code: 'not_cross_referral_of_course', message: 'is not a cross-municipal referral of this course' }]);
    }
  } else if (crossReferralId) {
    throw AppError.validation([{ field: 'crossReferralId', code: 'cross_referral_not_allowed', message: `is not allowed for ${body.deadlineKind}` }]);
  }
  if (key.closedOn !== null) throw AppError.conflict('The course is closed');

  return ctx.db.transaction().execute(async (trx) => {
    if (await findOpenPause(trx, courseId, body.deadlineKind, crossReferralId)) throw AppError.conflict('This deadline is already paused');
    const pause = await insertPause(trx, {
      courseId,
      deadlineKind: body.deadlineKind,
      crossReferralId,
      pausedOn: body.pausedOn,
      reason: body.reason,
      note: body.note ?? null,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    });
    await audit(trx, ctx, [
      { action: 'deadline_pause.create', citizenId: key.citizenId, entityType: 'deadline_pause', entityId: pause.id, outcome: 'allowed', detail: { courseId, deadlineKind: body.deadlineKind, reason: body.reason } },
    ]);
    return toDto(pause);
  });
}

/** Starts a paused clock again from `resumedOn`. */
export async function resumeDeadlinePause(ctx: ServiceContext, pauseId: string, body: DeadlineResumeBody): Promise<DeadlinePause> {
  const found = await findPause(ctx.db, pauseId);
  if (!found) {
    await audit(ctx.db, ctx, [{ action: 'deadline_pause.resume', citizenId: null, entityType: 'deadline_pause', entityId: pauseId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Deadline pause');
  }
  const key = await requireCourseAccess(ctx, found.courseId, 'write', 'deadline_pause.resume');
  if (body.resumedOn < found.pausedOn) throw AppError.validation([{ field: 'resumedOn', code: 'before_paused', message: `must be on or after the day it was paused (${found.pausedOn})`, params: { pausedOn: found.pausedOn } }]);
  if (body.resumedOn > danishDate(ctx.clock.now())) throw AppError.validation([{ field: 'resumedOn', code: 'future_date', message: 'must not be in the future' }]);

  return ctx.db.transaction().execute(async (trx) => {
    const resumed = await resumePause(trx, pauseId, body.resumedOn);
    if (!resumed) throw AppError.conflict('This pause has already been resumed');
    await audit(trx, ctx, [
      { action: 'deadline_pause.resume', citizenId: key.citizenId, entityType: 'deadline_pause', entityId: pauseId, outcome: 'allowed', detail: { courseId: found.courseId, resumedOn: body.resumedOn } },
    ]);
    return toDto(resumed);
  });
}
