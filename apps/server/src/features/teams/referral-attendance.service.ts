import type { AttendanceStatus, EnrolmentEndReason, EnrolmentStatus, SessionKind } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { listEnrolmentMarks } from './attendance.repository.ts';
import { onSession } from './attendance.rules.ts';
import { findReferralForEnrolment, listEnrolmentsOfReferral } from './enrolment.repository.ts';
import { findTeam, listSessionsNear } from './team.repository.ts';
import { mayRunTeams } from './team.rules.ts';

export type ReferralSession = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  room: string | null;
  kind: SessionKind;
  cancelled: boolean;
  cancelReason: string | null;
  /** The citizen's own mark for the session; null while none is recorded. */
  mark: { status: AttendanceStatus; cancelReason: string | null } | null;
};

export type ReferralEnrolment = {
  id: string;
  team: { id: string; name: string; room: string | null; hostMunicipalityCode: string };
  status: EnrolmentStatus;
  startOn: string | null;
  endedOn: string | null;
  endReason: EnrolmentEndReason | null;
  quota: number;
  /** The team's sessions the citizen was on (enrolled on the day, or marked), by time. */
  sessions: ReferralSession[];
};

export type ReferralAttendance = { crossReferralId: string; citizenId: string; enrolments: ReferralEnrolment[] };

/**
 * One citizen's team sessions and attendance on one cross-municipal referral: for the therapists
 * and leads of the municipality that hosts the teams (the referral's provider), as the team and
 * session pages show them, but only this citizen's marks. The read is audited; a refusal too.
 */
export async function getReferralAttendance(ctx: ServiceContext, crossReferralId: string): Promise<ReferralAttendance> {
  const action = 'attendance.referral_read';
  const x = await findReferralForEnrolment(ctx.db, crossReferralId);
  if (!x) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Referral');
  }
  if (x.kind !== 'cross_municipal' || !x.sent || !mayRunTeams(ctx.actor, x.providerMunicipalityCode)) {
    await audit(ctx.db, ctx, [{ action, citizenId: x.citizen.id, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'denied', detail: { reason: 'not_provider' } }]);
    throw AppError.forbidden('This referral was not sent to your municipality');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const enrolments: ReferralEnrolment[] = [];
    // A referral joins one team, rarely two: a few statements each.
    for (const e of await listEnrolmentsOfReferral(trx, crossReferralId)) {
      const team = await findTeam(trx, e.teamId);
      if (!team) throw new AppError('internal', `enrolment ${e.id} has no team`);
      const marks = await listEnrolmentMarks(trx, e.id);
      const sessions = (await listSessionsNear(trx, team.id, { enrolmentId: e.id, startOn: e.startOn, endedOn: e.endedOn }))
        .filter((s) => onSession(e, danishDate(s.startsAt), marks.has(s.id)))
        .map((s): ReferralSession => ({
          id: s.id,
          startsAt: s.startsAt,
          durationMinutes: s.durationMinutes,
          room: s.room ?? team.room,
          kind: s.kind,
          cancelled: s.cancelled,
          cancelReason: s.cancelReason,
          mark: marks.get(s.id) ?? null,
        }));
      enrolments.push({
        id: e.id,
        team: { id: team.id, name: team.name, room: team.room, hostMunicipalityCode: team.hostMunicipalityCode },
        status: e.status,
        startOn: e.startOn,
        endedOn: e.endedOn,
        endReason: e.endReason,
        quota: e.quota,
        sessions,
      });
    }
    await audit(trx, ctx, [{ action, citizenId: x.citizen.id, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'allowed', detail: { enrolments: enrolments.length } }]);
    return { crossReferralId, citizenId: x.citizen.id, enrolments };
  });
}
