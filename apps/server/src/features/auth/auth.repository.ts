import { sql } from 'kysely';
import type { AssuranceLevel } from '@samkraft/contracts/auth';
import type { Profession, Role } from '@samkraft/contracts/common';
import { nameIdColumns, type SamlNameIdForm } from '../../platform/auth/saml/saml-service-provider.ts';
import type { Db } from '../../platform/database/database.ts';

export type StaffRecord = {
  id: string;
  username: string;
  displayName: string;
  municipalityCode: string;
  municipalityName: string;
  profession: Profession;
  roles: Role[];
  passwordHash: string | null;
  isDemo: boolean;
  isSynthetic: boolean;
  active: boolean;
};

function staffQuery(db: Db) {
  return db
    .selectFrom('staff_user as u')
    .innerJoin('municipality as m', 'm.code', 'u.municipality_code')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.municipality_code',
      'm.name as municipality_name',
      'u.profession',
      'u.password_hash',
      'u.is_demo',
      'u.is_synthetic',
      'u.active',
      sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from staff_role r where r.staff_user_id = u.id), '{}')`.as('roles'),
    ]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

function toStaff(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    profession: r.profession,
    roles: r.roles,
    passwordHash: r.password_hash,
    isDemo: r.is_demo,
    isSynthetic: r.is_synthetic,
    active: r.active,
  };
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffRecord | undefined> {
  const r = await staffQuery(db).where(sql`lower(u.username)`, '=', username.toLowerCase()).executeTakeFirst();
  return r && toStaff(r);
}

export async function findStaffById(db: Db, id: string): Promise<StaffRecord | undefined> {
  const r = await staffQuery(db).where('u.id', '=', id).executeTakeFirst();
  return r && toStaff(r);
}

export async function listDemoStaff(db: Db): Promise<StaffRecord[]> {
  const rows = await staffQuery(db).where('u.is_demo', '=', true).where('u.active', '=', true).orderBy('m.name').orderBy('u.display_name').execute();
  return rows.map(toStaff);
}

export type SessionRecord = {
  tokenHash: string;
  staffUserId: string;
  csrfSecret: string;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
};

/** How a session was opened through an identity provider (features/auth staff sign-in); absent for password and demo. */
export type SessionProvider = { provider: string; subject: string; sessionRef: string | null; assuranceLevel: AssuranceLevel; nameIdForm?: SamlNameIdForm | undefined };

export async function insertSession(db: Db, s: SessionRecord & { createdAt: Date; userAgent: string | null; via?: SessionProvider }): Promise<void> {
  await db
    .insertInto('staff_session')
    .values({
      token_hash: s.tokenHash,
      staff_user_id: s.staffUserId,
      csrf_secret: s.csrfSecret,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      idle_expires_at: s.idleExpiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
      user_agent: s.userAgent,
      ...(s.via ? { provider: s.via.provider, idp_subject: s.via.subject, idp_session_ref: s.via.sessionRef, assurance_level: s.via.assuranceLevel, ...nameIdColumns(s.via.nameIdForm) } : {}),
    })
    .execute();
}

/**
 * A session with its staff user (and roles), in one statement: every authenticated request reads
 * this, so it is one round trip, not two.
 */
export async function findSessionWithStaff(db: Db, tokenHash: string): Promise<(SessionRecord & { staff: StaffRecord; assuranceLevel: AssuranceLevel | null }) | undefined> {
  const r = await staffQuery(db)
    .innerJoin('staff_session as ss', 'ss.staff_user_id', 'u.id')
    .select(['ss.token_hash', 'ss.staff_user_id', 'ss.csrf_secret', 'ss.last_seen_at', 'ss.idle_expires_at', 'ss.absolute_expires_at', 'ss.assurance_level'])
    .where('ss.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    r && {
      tokenHash: r.token_hash,
      staffUserId: r.staff_user_id,
      csrfSecret: r.csrf_secret,
      lastSeenAt: r.last_seen_at,
      idleExpiresAt: r.idle_expires_at,
      absoluteExpiresAt: r.absolute_expires_at,
      staff: toStaff(r),
      assuranceLevel: r.assurance_level,
    }
  );
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).execute();
}

/**
 * Deletes every session whose earlier deadline (idle or absolute) is at or before `expiredBy`, in
 * one statement found by `staff_session_expiry_idx` (migration 0022). Two instances running it at
 * once take the rows in the same index order: the later one waits for the earlier to commit and
 * skips what it deleted.
 */
export async function deleteExpiredSessions(db: Db, expiredBy: Date): Promise<number> {
  const r = await db.deleteFrom('staff_session').where(sql`least(idle_expires_at, absolute_expires_at)`, '<=', expiredBy).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertStaffUser(
  db: Db,
  u: { username: string; displayName: string; municipalityCode: string; profession: Profession; passwordHash: string | null; roles: Role[]; isDemo: boolean },
): Promise<string> {
  const row = await db
    .insertInto('staff_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      municipality_code: u.municipalityCode,
      profession: u.profession,
      password_hash: u.passwordHash,
      is_demo: u.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_role')
    .values(u.roles.map((role) => ({ staff_user_id: row.id, role })))
    .execute();
  return row.id;
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function findStaffContact(db: Db, staffUserId: string): Promise<{ phone: string | null; email: string | null; municipalityName: string; unitPhone: string | null } | undefined> {
  const r = await db
    .selectFrom('staff_user as s')
    .innerJoin('municipality as m', 'm.code', 's.municipality_code')
    .select(['s.phone', 's.email', 'm.name', 'm.unit_phone'])
    .where('s.id', '=', staffUserId)
    .executeTakeFirst();
  return r && { phone: r.phone, email: r.email, municipalityName: r.name, unitPhone: r.unit_phone };
}

export async function updateStaffContact(db: Db, staffUserId: string, c: { phone: string | null; email: string | null }): Promise<void> {
  await db.updateTable('staff_user').set({ phone: c.phone, email: c.email }).where('id', '=', staffUserId).execute();
}

export async function updateUnitPhone(db: Db, municipalityCode: string, unitPhone: string | null): Promise<void> {
  await db.updateTable('municipality').set({ unit_phone: unitPhone }).where('code', '=', municipalityCode).execute();
}
