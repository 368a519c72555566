import type { AssuranceLevel, SessionInfo, StaffUser } from '@samkraft/contracts/auth';
import type { StaffSignInMethod } from './sign-in-config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { RequestSession } from '../../platform/http/require-staff.ts';
import { AppError } from '../../platform/errors.ts';
import {
  deleteSession,
  findSessionWithStaff,
  findStaffById,
  findStaffByUsername,
  insertSession,
  listDemoStaff,
  touchSession,
  type SessionProvider,
  type StaffRecord,
} from './auth.repository.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { hashToken, isExpired, newToken, sessionTimes, shouldTouch, type SessionPolicy } from './session.rules.ts';

export type AuthDeps = {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  demo: boolean;
  demoServer?: boolean;
  /**
   * The staff sign-in methods on (sign-in configuration): password and demo sign-in are refused
   * when off. Absent = password always, demo as `demo` says (the tests' default).
   */
  methods?: ReadonlySet<StaffSignInMethod>;
  /** The NSIS level person data asks of a session opened through an identity provider. */
  personDataLevel?: AssuranceLevel;
};

export type SignedIn = { token: string; info: SessionInfo };

export function toStaffUser(s: StaffRecord): StaffUser {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    municipality: { code: s.municipalityCode, name: s.municipalityName },
    roles: s.roles,
    profession: s.profession,
  };
}

export function toActor(s: StaffRecord, assurance?: StaffActor['assurance']): StaffActor {
  return {
    ...(assurance ? { assurance } : {}),
    kind: 'staff',
    userId: s.id,
    username: s.username,
    displayName: s.displayName,
    municipalityCode: s.municipalityCode,
    roles: s.roles,
    profession: s.profession,
  };
}

/** Opens a session: a new token, its CSRF secret, and `auth.sign_in` audited; `via` when through an identity provider. */
export async function openSession(deps: AuthDeps, staff: StaffRecord, userAgent: string | null, via?: SessionProvider): Promise<SignedIn> {
  const now = deps.clock.now();
  const token = newToken();
  const csrfSecret = newToken();
  const times = sessionTimes(now, deps.policy);
  await deps.db.transaction().execute(async (trx) => {
    await insertSession(trx, { tokenHash: hashToken(token), staffUserId: staff.id, csrfSecret, createdAt: now, lastSeenAt: now, ...times, userAgent, ...(via ? { via } : {}) });
    await audit(trx, { actor: toActor(staff) }, [
      { action: 'auth.sign_in', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: staff.id, ...(via ? { detail: { provider: via.provider, assuranceLevel: via.assuranceLevel } } : {}) },
    ]);
  });
  return { token, info: { user: toStaffUser(staff), csrfToken: csrfSecret, idleExpiresAt: times.idleExpiresAt.toISOString() } };
}

const systemAuth = { actor: { kind: 'system' as const, name: 'sign-in' } };

export async function signInWithPassword(deps: AuthDeps, username: string, password: string, userAgent: string | null): Promise<SignedIn> {
  if (deps.methods && !deps.methods.has('password')) throw AppError.forbidden('Sign-in with a password is turned off on this installation');
  const staff = await findStaffByUsername(deps.db, username);
  const ok = await verifyPassword(staff?.passwordHash ?? DUMMY_HASH, password);
  if (!staff || !staff.passwordHash || !ok || !staff.active) {
    await audit(deps.db, systemAuth, [{ action: 'auth.sign_in', citizenId: null, outcome: 'denied', detail: { username } }]);
    // One answer for every cause, so it does not tell which usernames exist.
    throw new AppError('invalid_credentials', 'Wrong username or password');
  }
  return openSession(deps, staff, userAgent);
}

export async function signInAsDemoUser(deps: AuthDeps, userId: string, userAgent: string | null): Promise<SignedIn> {
  if (!deps.demo || (deps.methods && !deps.methods.has('demo'))) throw AppError.forbidden('Demo sign-in is turned off on this installation');
  const staff = await findStaffById(deps.db, userId);
  if (!staff || !staff.isDemo || !staff.active) {
    await audit(deps.db, systemAuth, [{ action: 'auth.sign_in', citizenId: null, outcome: 'denied', detail: { demoUserId: userId } }]);
    throw AppError.validation([{ field: 'userId', code: 'not_demo_user', message: 'is not a demo user' }]);
  }
  return openSession(deps, staff, userAgent);
}

/**
 * A session for a synthetic staff user of a generated data set (features/scale-data), for
 * benchmarks and load tests; no route leads here, and any other user is refused.
 */
export async function signInAsSyntheticUser(deps: AuthDeps, userId: string): Promise<SignedIn> {
  const staff = await findStaffById(deps.db, userId);
  if (!staff || !staff.isSynthetic || !staff.active) throw AppError.forbidden('Only a synthetic staff user of a generated data set signs in this way');
  return openSession(deps, staff, 'benchmark');
}

export async function listDemoUsers(deps: AuthDeps): Promise<{ enabled: boolean; demoServer: boolean; users: StaffUser[] }> {
  if (!deps.demo || (deps.methods && !deps.methods.has('demo'))) return { enabled: false, demoServer: false, users: [] };
  return { enabled: true, demoServer: deps.demoServer === true, users: (await listDemoStaff(deps.db)).map(toStaffUser) };
}

export type ResolvedSession = RequestSession;

/** The session behind a cookie token, extending its idle deadline; undefined if none or expired. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token);
  const session = await findSessionWithStaff(deps.db, tokenHash);
  const now = deps.clock.now();
  if (!session) return undefined;
  if (isExpired(session, now)) {
    await deleteSession(deps.db, tokenHash);
    return undefined;
  }
  const staff = session.staff;
  if (!staff.active) return undefined;
  let idleExpiresAt = session.idleExpiresAt;
  if (shouldTouch(session.lastSeenAt, now)) {
    idleExpiresAt = sessionTimes(now, deps.policy).idleExpiresAt;
    if (idleExpiresAt > session.absoluteExpiresAt) idleExpiresAt = session.absoluteExpiresAt;
    await touchSession(deps.db, tokenHash, now, idleExpiresAt);
  }
  const assurance = session.assuranceLevel ? { level: session.assuranceLevel, required: deps.personDataLevel ?? 'substantial' } : undefined;
  return {
    actor: toActor(staff, assurance),
    tokenHash,
    csrfSecret: session.csrfSecret,
    info: { user: toStaffUser(staff), csrfToken: session.csrfSecret, idleExpiresAt: idleExpiresAt.toISOString() },
  };
}

export async function signOut(deps: AuthDeps, session: ResolvedSession): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.tokenHash);
    await audit(trx, { actor: session.actor }, [{ action: 'auth.sign_out', citizenId: null, outcome: 'allowed' }]);
  });
}
