import { audit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { RequestCitizenSession } from '../../platform/http/require-citizen.ts';
import { runEvery, type Periodic } from '../../platform/periodic.ts';
import { hashToken, isExpired, shouldTouch } from '../auth/session.rules.ts';
import { deleteCitizenSession, deleteExpiredCitizenSessions, findCitizenSession, touchCitizenSession } from './citizen-auth.repository.ts';
import type { RelyingParty } from './oidc-relying-party.ts';

export type CitizenSessionDeps = { db: Db; clock: Clock; idleMinutes: number };

/** The citizen session behind a cookie token, its idle deadline extended; undefined if none or expired. */
export async function resolveCitizenSession(deps: CitizenSessionDeps, token: string): Promise<RequestCitizenSession | undefined> {
  const tokenHash = hashToken(token);
  const s = await findCitizenSession(deps.db, tokenHash);
  if (!s) return undefined;
  const now = deps.clock.now();
  if (isExpired(s, now)) {
    await deleteCitizenSession(deps.db, tokenHash);
    return undefined;
  }
  let idleExpiresAt = s.idleExpiresAt;
  if (shouldTouch(s.lastSeenAt, now)) {
    idleExpiresAt = new Date(Math.min(now.getTime() + deps.idleMinutes * 60_000, s.absoluteExpiresAt.getTime()));
    await touchCitizenSession(deps.db, tokenHash, now, idleExpiresAt);
  }
  return {
    actor: { kind: 'citizen', citizenId: s.citizenId },
    tokenHash,
    csrfSecret: s.csrfSecret,
    info: { citizen: { givenName: s.givenName, familyName: s.familyName }, csrfToken: s.csrfSecret, idleExpiresAt: idleExpiresAt.toISOString() },
  };
}

/**
 * Ends the citizen's session here (audited) and returns the identity provider's end-session URL
 * for the browser to visit, so the provider's session ends too (RP-initiated logout).
 */
export async function signOutCitizen(deps: { db: Db; rp: RelyingParty | undefined }, session: RequestCitizenSession, requestId: string): Promise<string | null> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteCitizenSession(trx, session.tokenHash);
    await audit(trx, { actor: session.actor, requestId }, [{ action: 'citizen_auth.sign_out', citizenId: session.actor.citizenId, outcome: 'allowed' }]);
  });
  return deps.rp ? deps.rp.endSessionUrl().catch(() => null) : null;
}

/** As for staff sessions (auth/session-cleanup.service.ts): removed once expired this long. */
export const EXPIRED_CITIZEN_SESSION_GRACE_MS = 5 * 60_000;

export async function removeExpiredCitizenSessions(deps: { db: Db; clock: Clock }, graceMs = EXPIRED_CITIZEN_SESSION_GRACE_MS): Promise<number> {
  return deleteExpiredCitizenSessions(deps.db, new Date(deps.clock.now().getTime() - graceMs));
}

/** Removes expired citizen sessions and abandoned sign-ins every `intervalMs` until stopped. */
export function startCitizenSessionCleanup(
  deps: { db: Db; clock: Clock; log: { debug(obj: object, msg: string): void; error(obj: object, msg: string): void } },
  intervalMs: number,
): Periodic {
  return runEvery(
    intervalMs,
    async () => {
      const removed = await removeExpiredCitizenSessions(deps);
      if (removed > 0) deps.log.debug({ removed }, 'expired citizen sessions removed');
    },
    (err) => deps.log.error({ err }, 'removing expired citizen sessions failed'),
  );
}
