import type { EndedSessions, StaffSessionList, StaffUserOverviewList } from '@samkraft/contracts/auth';
import type { Actor, StaffActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { deleteSessionOfUser, deleteSessionsOfUser, findStaffMunicipality, listOpenSessions, listStaffOfMunicipality, type OpenSession } from './staff-sessions.repository.ts';

/*
 * Sessions a person can see and end (issue 15.5). Staff data only, no citizen's: reads are not
 * citizen reads, but every ending is audited, and an administrator's refusals too.
 */

/** The sessions as the API shows them: no token hash, the caller's own (if any) marked current. */
function toSessionList(sessions: OpenSession[], currentTokenHash: string | null): StaffSessionList {
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      provider: s.provider,
      assuranceLevel: s.assuranceLevel,
      current: s.tokenHash === currentTokenHash,
    })),
  };
}

function staffOrThrow(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw AppError.forbidden('Staff only');
  return actor;
}

/** The signed-in user's open sessions; `currentTokenHash` marks the one the request came with. */
export async function listMySessions(ctx: ServiceContext, currentTokenHash: string): Promise<StaffSessionList> {
  const actor = staffOrThrow(ctx.actor);
  return toSessionList(await listOpenSessions(ctx.db, actor.userId, ctx.clock.now()), currentTokenHash);
}

/** Ends one of the user's own sessions (another device, or this one); another user's id is 404. */
export async function endMySession(ctx: ServiceContext, sessionId: string): Promise<EndedSessions> {
  const actor = staffOrThrow(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionOfUser(trx, actor.userId, sessionId);
    if (ended === 0) throw AppError.notFound('Session');
    await audit(trx, ctx, [{ action: 'auth.session_end', citizenId: null, outcome: 'allowed', entityType: 'staff_session', entityId: sessionId }]);
    return { ended };
  });
}

/** Ends every session of the user but the one the request came with ("sign out everywhere else"). */
export async function endMyOtherSessions(ctx: ServiceContext, currentTokenHash: string): Promise<EndedSessions> {
  const actor = staffOrThrow(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOfUser(trx, actor.userId, currentTokenHash);
    await audit(trx, ctx, [{ action: 'auth.sessions_end_others', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: actor.userId, detail: { ended } }]);
    return { ended };
  });
}

/** An administrator acts on the staff of their own municipality only; any other user is 404. */
async function administeredUser(ctx: ServiceContext, staffUserId: string, action: string): Promise<StaffActor> {
  const actor = staffOrThrow(ctx.actor);
  if (!actor.roles.includes('administrator')) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', entityType: 'staff_user', entityId: staffUserId, detail: { reason: 'role' } }]);
    throw AppError.forbidden('Administrators only');
  }
  const municipality = await findStaffMunicipality(ctx.db, staffUserId);
  if (municipality !== actor.municipalityCode) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', entityType: 'staff_user', entityId: staffUserId, detail: { reason: 'municipality' } }]);
    throw AppError.notFound('Staff user');
  }
  return actor;
}

/** The administrator's municipality's staff, each with their open sessions counted. */
export async function listStaffOverview(ctx: ServiceContext): Promise<StaffUserOverviewList> {
  const actor = staffOrThrow(ctx.actor);
  if (!actor.roles.includes('administrator')) {
    await audit(ctx.db, ctx, [{ action: 'staff.list', citizenId: null, outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Administrators only');
  }
  const users = await listStaffOfMunicipality(ctx.db, actor.municipalityCode, ctx.clock.now());
  return { users: users.map((u) => ({ ...u, lastSeenAt: u.lastSeenAt?.toISOString() ?? null })) };
}

/** A staff member's open sessions, as their administrator sees them (never which one is "current"). */
export async function listSessionsOfStaff(ctx: ServiceContext, staffUserId: string): Promise<StaffSessionList> {
  await administeredUser(ctx, staffUserId, 'staff.sessions_read');
  return toSessionList(await listOpenSessions(ctx.db, staffUserId, ctx.clock.now()), null);
}

/**
 * Ends every session of a staff member of the administrator's municipality (a lost laptop, a
 * person leaving); the administrator's own current session, if it is among them, ends too.
 */
export async function endSessionsOfStaff(ctx: ServiceContext, staffUserId: string): Promise<EndedSessions> {
  await administeredUser(ctx, staffUserId, 'staff.sessions_end');
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOfUser(trx, staffUserId, null);
    await audit(trx, ctx, [{ action: 'staff.sessions_end', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: staffUserId, detail: { ended } }]);
    return { ended };
  });
}
