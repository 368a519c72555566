import type { RelativeAttendanceBody, SessionRelatives } from '@samkraft/contracts/relatives';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listSessionMarks } from './attendance.repository.ts';
import { onSession } from './attendance.rules.ts';
import { requireSession } from './attendance.service.ts';
import { listEnrolments } from './enrolment.repository.ts';
import { checkRelativeAttendance } from './relative-attendance.rules.ts';
import { deleteRelativeAttendance, insertRelativeAttendance, listSessionRelatives, type SessionRelativeRecord } from './relative-attendance.repository.ts';
import { findSession, lockTeam, type SessionRecord } from './team.repository.ts';

/** The consented, shared relatives of the participants on this session's list (or already marked for it). */
async function visibleRelatives(db: Db, session: SessionRecord): Promise<SessionRelativeRecord[]> {
  const date = danishDate(session.startsAt);
  const marks = await listSessionMarks(db, session.id);
  const onList = new Set((await listEnrolments(db, session.teamId)).filter((e) => onSession(e, date, marks.has(e.id))).map((e) => e.id));
  return (await listSessionRelatives(db, { sessionId: session.id, teamId: session.teamId, date })).filter((r) => r.attended || onList.has(r.enrolmentId));
}

const toDto = (rows: SessionRelativeRecord[]): SessionRelatives => ({
  relatives: rows.map((r) => ({ relativeId: r.relativeId, enrolmentId: r.enrolmentId, name: r.name, relation: r.relation, attended: r.attended })),
});

/** The relatives on a session's attendance list (the team's municipality; audited per relative shown, under the citizen). */
export async function getSessionRelatives(ctx: ServiceContext, sessionId: string): Promise<SessionRelatives> {
  const { session } = await requireSession(ctx, sessionId, 'relative_attendance.read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await visibleRelatives(trx, session);
    if (rows.length > 0) {
      await audit(
        trx,
        ctx,
        rows.map((r) => ({ action: 'relative_attendance.read', citizenId: r.citizenId, entityType: 'team_session', entityId: session.id, outcome: 'allowed' as const, detail: { relativeId: r.relativeId, enrolmentId: r.enrolmentId } })),
      );
    }
    return toDto(rows);
  });
}

/**
 * Ticks (or unticks) "pårørende deltog" for one relative at one session, under the team lock. Only
 * a relative the providing municipality may see can be marked; the citizen's own marks and quota
 * are not touched.
 */
export async function recordRelativeAttendance(ctx: ServiceContext, sessionId: string, relativeId: string, input: RelativeAttendanceBody): Promise<SessionRelatives> {
  const { session, team } = await requireSession(ctx, sessionId, 'relative_attendance.record');
  const issues = checkRelativeAttendance({ sessionDate: danishDate(session.startsAt), sessionCancelled: session.cancelled, today: danishDate(ctx.clock.now()), attended: input.attended });
  if (issues.length > 0) throw AppError.validation(issues);
  const done = await ctx.db.transaction().execute(async (trx) => {
    await lockTeam(trx, team.id);
    const current = await findSession(trx, sessionId);
    if (!current || current.cancelled) throw AppError.validation([{ field: 'sessionId', code: 'session_cancelled', message: 'the session is cancelled' }]);
    const relative = (await visibleRelatives(trx, current)).find((r) => r.relativeId === relativeId);
    if (!relative) return null;
    if (input.attended) {
      await insertRelativeAttendance(trx, { sessionId, relativeId, enrolmentId: relative.enrolmentId, teamId: team.id, recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null, at: ctx.clock.now() });
    } else {
      await deleteRelativeAttendance(trx, sessionId, relativeId);
    }
    await audit(trx, ctx, [
      { action: 'relative_attendance.record', citizenId: relative.citizenId, entityType: 'team_session', entityId: sessionId, outcome: 'allowed', detail: { relativeId, enrolmentId: relative.enrolmentId, attended: input.attended } },
    ]);
    return toDto(await visibleRelatives(trx, current));
  });
  if (done) return done;
  await audit(ctx.db, ctx, [{ action: 'relative_attendance.record', citizenId: null, entityType: 'team_session', entityId: sessionId, outcome: 'denied', detail: { reason: 'not_found', relativeId } }]);
  throw AppError.notFound('Relative');
}
