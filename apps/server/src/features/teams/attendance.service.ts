import type { z } from 'zod';
import type { attendanceRecord, SessionDetail } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordSessionAttended } from '../cross-referrals/cross-referral-progress.service.ts';
import { listEnrolmentStatuses, listSessionMarks, upsertAttendance, usedBefore } from './attendance.repository.ts';
import { checkAttendance, countAttendance, onSession, quotaReached, sessionNumber } from './attendance.rules.ts';
import { findEnrolment, listEnrolments } from './enrolment.repository.ts';
import { toTeamCitizen, toTeamSession } from './team.mapper.ts';
import { findSession, lockTeam, type SessionRecord } from './team.repository.ts';
import { requireTeam } from './team.service.ts';
import { endEnrolmentAndAdmit } from './waiting-list.service.ts';

export async function requireSession(ctx: ServiceContext, sessionId: string, action: string) {
  const session = await findSession(ctx.db, sessionId);
  if (!session) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'team_session', entityId: sessionId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Session');
  }
  const team = await requireTeam(ctx, session.teamId, action);
  return { session, team };
}


async function detail(ctx: ServiceContext, session: SessionRecord, team: { id: string; name: string }): Promise<SessionDetail> {
  const date = danishDate(session.startsAt);
  const marks = await listSessionMarks(ctx.db, session.id);
  const enrolments = (await listEnrolments(ctx.db, team.id)).filter((e) => onSession(e, date, marks.has(e.id)));
  const before = await usedBefore(ctx.db, team.id, session.startsAt);
  if (enrolments.length > 0) {
    await audit(
      ctx.db,
      ctx,
      enrolments.map((e) => ({ action: 'attendance.read', citizenId: e.citizen.id, entityType: 'team_session', entityId: session.id, outcome: 'allowed' as const, detail: { enrolmentId: e.id } })),
    );
  }
  return {
    session: toTeamSession(session),
    team: { id: team.id, name: team.name },
    held: date <= danishDate(ctx.clock.now()),
    participants: enrolments
      .sort((a, b) => a.citizen.givenName.localeCompare(b.citizen.givenName, 'da') || a.citizen.familyName.localeCompare(b.citizen.familyName, 'da'))
      .map((e) => ({
        enrolmentId: e.id,
        citizen: toTeamCitizen(e.citizen),
        quota: e.quota,
        counts: countAttendance(e.statuses),
        sessionNumber: sessionNumber(before.get(e.id) ?? 0, marks.get(e.id)?.status ?? null, session.cancelled),
        status: marks.get(e.id)?.status ?? null,
        cancelReason: marks.get(e.id)?.cancelReason ?? null,
        cancelledBy: marks.get(e.id)?.cancelledBy ?? null,
        cancelReasonCode: marks.get(e.id)?.cancelReasonCode ?? null,
        enrolmentStatus: e.status,
      })),
  };
}

/** The attendance list of one session; each citizen on it is audited. */
export async function getSession(ctx: ServiceContext, sessionId: string): Promise<SessionDetail> {
  const { session, team } = await requireSession(ctx, sessionId, 'attendance.read');
  return ctx.db.transaction().execute((trx) => detail({ ...ctx, db: trx }, session, team));
}

/**
 * Marks one participant attended, cancelled (with a reason) or no-show, under the team lock. The
 * first session attended is the referral's start. When the marks use the whole quota the
 * enrolment ends (`quota_reached`) on the session's day, the referral ends as completed, and the
 * seat goes to the waiting list — all in the same transaction.
 */
export async function recordAttendance(ctx: ServiceContext, sessionId: string, input: z.output<typeof attendanceRecord>): Promise<SessionDetail> {
  const { session, team } = await requireSession(ctx, sessionId, 'attendance.record');
  const enrolment = await findEnrolment(ctx.db, input.enrolmentId);
  if (!enrolment || enrolment.teamId !== team.id) {
    throw AppError.validation([{ field: 'enrolmentId', code: 'not_enrolled', message: 'is not on this team' }]);
  }
  const date = danishDate(session.startsAt);
  const cancelReason = input.status === 'cancelled' ? (input.cancelReason ?? null) : null;
  const issues = checkAttendance({
    sessionDate: date,
    sessionCancelled: session.cancelled,
    today: danishDate(ctx.clock.now()),
    enrolment: { status: enrolment.status, startOn: enrolment.startOn },
    status: input.status,
    cancelReason,
  });
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    await lockTeam(trx, team.id);
    const current = await findSession(trx, sessionId);
    if (!current || current.cancelled) throw AppError.validation([{ field: 'sessionId', code: 'session_cancelled', message: 'the session is cancelled' }]);
    await upsertAttendance(trx, {
      sessionId,
      enrolmentId: enrolment.id,
      teamId: team.id,
      status: input.status,
      cancelReason,
      // A staff member's mark overrides the citizen's own cancellation (the citizen came after all).
      cancelledBy: input.status === 'cancelled' ? 'staff' : null,
      cancelReasonCode: null,
      recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      at: ctx.clock.now(),
    });
    const counts = countAttendance(await listEnrolmentStatuses(trx, enrolment.id));
    if (input.status === 'attended') await recordSessionAttended(trx, enrolment.crossReferralId, date);
    const ended = quotaReached(counts, enrolment.quota);
    if (ended) await endEnrolmentAndAdmit({ ...ctx, db: trx }, team, enrolment, date, 'quota_reached');
    await audit(trx, ctx, [
      {
        action: 'attendance.record',
        citizenId: enrolment.citizen.id,
        entityType: 'team_session',
        entityId: sessionId,
        outcome: 'allowed',
        detail: { enrolmentId: enrolment.id, status: input.status, used: counts.used, quota: enrolment.quota, quotaReached: ended },
      },
    ]);
    const fresh = await findSession(trx, sessionId);
    return detail({ ...ctx, db: trx }, fresh ?? session, team);
  });
}
