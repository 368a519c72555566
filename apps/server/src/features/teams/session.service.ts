import type { z } from 'zod';
import type { sessionCancel, TeamSession } from '@samkraft/contracts/teams';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { toTeamSession } from './team.mapper.ts';
import { cancelSession, findSession, lockTeam, reinstateSession } from './team.repository.ts';
import { requireSession } from './attendance.service.ts';
import { checkSessionCancel, checkSessionReinstate } from './session.rules.ts';

async function readBack(ctx: ServiceContext, sessionId: string): Promise<TeamSession> {
  const s = await findSession(ctx.db, sessionId);
  if (!s) throw new AppError('internal', 'The session could not be read back');
  return toTeamSession(s);
}

/**
 * Cancels one session with a reason (the therapist is ill). It is checked again under the team
 * lock, so a mark recorded at the same moment is not lost. No citizen's data is read or changed:
 * a cancelled session simply uses nobody's quota.
 */
export async function cancelTeamSession(ctx: ServiceContext, sessionId: string, input: z.output<typeof sessionCancel>): Promise<TeamSession> {
  const { team } = await requireSession(ctx, sessionId, 'team_session.cancel');
  await ctx.db.transaction().execute(async (trx) => {
    await lockTeam(trx, team.id);
    const session = await findSession(trx, sessionId);
    if (!session) throw AppError.notFound('Session');
    const issues = checkSessionCancel(session);
    if (issues.length > 0) throw AppError.validation(issues);
    await cancelSession(trx, sessionId, { reason: input.reason, by: ctx.actor.kind === 'staff' ? ctx.actor.userId : null, at: ctx.clock.now() });
    await audit(trx, ctx, [{ action: 'team_session.cancel', citizenId: null, entityType: 'team_session', entityId: sessionId, outcome: 'allowed', detail: { teamId: team.id, reason: input.reason } }]);
  });
  return readBack(ctx, sessionId);
}

/** Reinstates a session cancelled by mistake; only while it has no attendance. */
export async function reinstateTeamSession(ctx: ServiceContext, sessionId: string): Promise<TeamSession> {
  const { team } = await requireSession(ctx, sessionId, 'team_session.reinstate');
  await ctx.db.transaction().execute(async (trx) => {
    await lockTeam(trx, team.id);
    const session = await findSession(trx, sessionId);
    if (!session) throw AppError.notFound('Session');
    const issues = checkSessionReinstate(session);
    if (issues.length > 0) throw AppError.validation(issues);
    await reinstateSession(trx, sessionId);
    await audit(trx, ctx, [{ action: 'team_session.reinstate', citizenId: null, entityType: 'team_session', entityId: sessionId, outcome: 'allowed', detail: { teamId: team.id, cancelReason: session.cancelReason } }]);
  });
  return readBack(ctx, sessionId);
}
