import type { CitizenCancelReason } from '@samkraft/contracts/attendance-cancellation';
import { audit } from '../../platform/audit/audit.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { listEnrolmentStatuses, listSessionMarks, upsertAttendance } from './attendance.repository.ts';
import { countAttendance } from './attendance.rules.ts';
import { citizenCancelRefusal, citizenCancelText } from './citizen-cancellation.rules.ts';
import { findEnrolment } from './enrolment.repository.ts';
import { findSession, findTeam, lockTeam } from './team.repository.ts';

const refusalText = {
  session_cancelled: 'the team has cancelled the session',
  session_past: 'the session has begun or been held',
  already_cancelled: 'the session is already cancelled',
  attendance_recorded: 'attendance is already recorded for the session',
  not_enrolled: 'the session is not within the citizen’s enrolment',
  cutoff_passed: 'the deadline for cancelling has passed; call the team',
} as const;

/**
 * A citizen cancels one of their own sessions (afbud, issue 13.4), in the caller's transaction:
 * recorded as the citizen's own cancellation (status `cancelled`, `cancelled_by` 'citizen', the
 * reason's code), which per the quota rule (attendance.rules.ts) uses no session. The caller has
 * found the session among the citizen's own; this checks it again under the team lock, with the
 * team's cut-off, and refuses with 409 naming why. Audited with the citizen as the actor.
 */
export async function cancelSessionForCitizen(
  ctx: ServiceContext & { actor: CitizenActor },
  input: { sessionId: string; enrolmentId: string; reason: CitizenCancelReason; text: string | null },
): Promise<void> {
  const session = await findSession(ctx.db, input.sessionId);
  const enrolment = await findEnrolment(ctx.db, input.enrolmentId);
  if (!session || !enrolment || enrolment.teamId !== session.teamId || enrolment.citizen.id !== ctx.actor.citizenId) throw AppError.notFound('Appointment');
  await lockTeam(ctx.db, session.teamId);
  const team = await findTeam(ctx.db, session.teamId);
  if (!team) throw AppError.notFound('Appointment');
  const fresh = (await findSession(ctx.db, input.sessionId)) ?? session;
  const mark = (await listSessionMarks(ctx.db, fresh.id)).get(enrolment.id) ?? null;
  const refusal = citizenCancelRefusal({
    now: ctx.clock.now(),
    startsAt: fresh.startsAt,
    sessionDate: danishDate(fresh.startsAt),
    cutoffHours: team.citizenCancelCutoffHours,
    sessionCancelled: fresh.cancelled,
    enrolment: { status: enrolment.status, startOn: enrolment.startOn, endedOn: enrolment.endedOn },
    mark: mark?.status ?? null,
  });
  if (refusal !== null) {
    throw new AppError('conflict', `The session cannot be cancelled: ${refusalText[refusal]}`, [{ field: 'sessionId', code: refusal, message: refusalText[refusal] }]);
  }
  await upsertAttendance(ctx.db, {
    sessionId: fresh.id,
    enrolmentId: enrolment.id,
    teamId: team.id,
    status: 'cancelled',
    cancelReason: citizenCancelText(input.reason, input.text),
    cancelledBy: 'citizen',
    cancelReasonCode: input.reason,
    recordedBy: null,
    at: ctx.clock.now(),
  });
  const counts = countAttendance(await listEnrolmentStatuses(ctx.db, enrolment.id));
  await audit(ctx.db, ctx, [
    {
      action: 'attendance.citizen_cancel',
      citizenId: ctx.actor.citizenId,
      entityType: 'team_session',
      entityId: fresh.id,
      outcome: 'allowed',
      detail: { enrolmentId: enrolment.id, reason: input.reason, used: counts.used, quota: enrolment.quota },
    },
  ]);
}
