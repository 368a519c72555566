import { sql } from 'kysely';
import type { AssuranceLevel } from '@samkraft/contracts/auth';
import type { Profession, Role } from '@samkraft/contracts/common';
import type { Db } from '../../platform/database/database.ts';

export type OpenSession = {
  id: string;
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  /** The identity provider signed in through, and the NSIS level it vouched for; null for a password or demo sign-in. */
  provider: string | null;
  assuranceLevel: AssuranceLevel | null;
};

const expiresAt = sql<Date>`least(s.idle_expires_at, s.absolute_expires_at)`;

/** A user's sessions that have not expired, the latest used first (by `staff_session_user_idx`). */
export async function listOpenSessions(db: Db, staffUserId: string, now: Date): Promise<OpenSession[]> {
  const rows = await db
    .selectFrom('staff_session as s')
    .select(['s.id', 's.token_hash', 's.created_at', 's.last_seen_at', 's.user_agent', 's.provider', 's.assurance_level', expiresAt.as('expires_at')])
    .where('s.staff_user_id', '=', staffUserId)
    .where(expiresAt, '>', now)
    .orderBy('s.last_seen_at', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ id: r.id, tokenHash: r.token_hash, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, userAgent: r.user_agent, provider: r.provider, assuranceLevel: r.assurance_level }));
}

/** Ends one session of the user by its id; the number ended (0 when it is not theirs or gone). */
export async function deleteSessionOfUser(db: Db, staffUserId: string, sessionId: string): Promise<number> {
  const r = await db.deleteFrom('staff_session').where('staff_user_id', '=', staffUserId).where('id', '=', sessionId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of the user but the one kept (the caller's own), or all when none is kept. */
export async function deleteSessionsOfUser(db: Db, staffUserId: string, keepTokenHash: string | null): Promise<number> {
  let q = db.deleteFrom('staff_session').where('staff_user_id', '=', staffUserId);
  if (keepTokenHash !== null) q = q.where('token_hash', '<>', keepTokenHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type StaffOverviewRecord = {
  id: string;
  username: string;
  displayName: string;
  profession: Profession;
  roles: Role[];
  active: boolean;
  openSessions: number;
  lastSeenAt: Date | null;
};

/**
 * The staff of one municipality with their open sessions counted, in one statement: the users by
 * `staff_user_municipality_idx`, their roles and sessions aggregated per user by the two tables'
 * user indexes. Synthetic users of a generated data set are left out (no one signs in as them
 * but a benchmark).
 */
export async function listStaffOfMunicipality(db: Db, municipalityCode: string, now: Date): Promise<StaffOverviewRecord[]> {
  const rows = await db
    .selectFrom('staff_user as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('staff_session as s')
          .innerJoin('staff_user as su', 'su.id', 's.staff_user_id')
          .select(['s.staff_user_id', sql<string>`count(*)`.as('open_sessions'), sql<Date>`max(s.last_seen_at)`.as('last_seen_at')])
          .where('su.municipality_code', '=', municipalityCode)
          .where(expiresAt, '>', now)
          .groupBy('s.staff_user_id')
          .as('open'),
      (join) => join.onRef('open.staff_user_id', '=', 'u.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('staff_role as r')
          .innerJoin('staff_user as ru', 'ru.id', 'r.staff_user_id')
          .select(['r.staff_user_id', sql<Role[]>`array_agg(r.role order by r.role)`.as('roles')])
          .where('ru.municipality_code', '=', municipalityCode)
          .groupBy('r.staff_user_id')
          .as('granted'),
      (join) => join.onRef('granted.staff_user_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.username', 'u.display_name', 'u.profession', 'u.active', 'open.open_sessions', 'open.last_seen_at', 'granted.roles'])
    .where('u.municipality_code', '=', municipalityCode)
    .where('u.is_synthetic', '=', false)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    profession: r.profession,
    roles: r.roles ?? [],
    active: r.active,
    openSessions: Number(r.open_sessions ?? 0),
    lastSeenAt: r.last_seen_at ?? null,
  }));
}

export async function findStaffMunicipality(db: Db, staffUserId: string): Promise<string | undefined> {
  const r = await db.selectFrom('staff_user').select('municipality_code').where('id', '=', staffUserId).executeTakeFirst();
  return r?.municipality_code;
}
