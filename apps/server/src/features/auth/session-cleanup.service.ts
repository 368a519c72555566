import { deleteExpiredAssertionsSeen } from '../../platform/auth/saml/saml-assertion-seen.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { runEvery, type Periodic } from '../../platform/periodic.ts';
import { deleteExpiredSessions } from './auth.repository.ts';
import { deleteExpiredSignInState } from './staff-identity.repository.ts';

/** How often each server instance removes expired sessions. */
export const SESSION_CLEANUP_INTERVAL_MS = 5 * 60_000;

/**
 * A session is removed only once it has been expired this long, so instances whose clocks are a
 * little apart never remove one that another still honours. Not longer: an expired session is
 * refused whatever its row says (and deleted when its cookie comes back), and the audit log, not
 * this table, is the record of who signed in and out.
 */
export const EXPIRED_SESSION_GRACE_MS = 5 * 60_000;

/** Removes, in one statement, every session expired more than the grace period ago; returns how many. */
export async function removeExpiredSessions(deps: { db: Db; clock: Clock }, graceMs = EXPIRED_SESSION_GRACE_MS): Promise<number> {
  const expiredBy = new Date(deps.clock.now().getTime() - graceMs);
  // Sign-ins under way and seen SAML assertions past their time go with them.
  return (await deleteExpiredSessions(deps.db, expiredBy)) + (await deleteExpiredSignInState(deps.db, expiredBy)) + (await deleteExpiredAssertionsSeen(deps.db, expiredBy));
}

/**
 * Removes expired sessions every `intervalMs` until stopped (the app stops it when it closes). No
 * audit event: it is housekeeping of rows no one can use any more, like the removal of ended jobs.
 */
export function startSessionCleanup(
  deps: { db: Db; clock: Clock; log: { debug(obj: object, msg: string): void; error(obj: object, msg: string): void } },
  intervalMs = SESSION_CLEANUP_INTERVAL_MS,
): Periodic {
  return runEvery(
    intervalMs,
    async () => {
      const removed = await removeExpiredSessions(deps);
      if (removed > 0) deps.log.debug({ removed }, 'expired sessions removed');
    },
    (err) => deps.log.error({ err }, 'removing expired sessions failed'),
  );
}
