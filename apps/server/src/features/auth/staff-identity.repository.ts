import type { Role } from '@samkraft/contracts/common';
import { nameIdFormOf, type SamlNameIdForm } from '../../platform/auth/saml/saml-service-provider.ts';
import type { Db } from '../../platform/database/database.ts';

/** The staff user an identity provider's subject is linked to, if any. */
export async function findIdentity(db: Db, provider: string, subject: string): Promise<{ staffUserId: string; active: boolean } | undefined> {
  const r = await db
    .selectFrom('staff_identity as i')
    .innerJoin('staff_user as u', 'u.id', 'i.staff_user_id')
    .select(['i.staff_user_id', 'u.active'])
    .where('i.provider', '=', provider)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
  return r && { staffUserId: r.staff_user_id, active: r.active };
}

export type ProvisionedUser = { username: string; displayName: string; email: string | null; municipalityCode: string; roles: Role[] };

/** A new staff user (no password) linked to the provider's subject. */
export async function insertLinkedStaffUser(db: Db, provider: string, subject: string, u: ProvisionedUser, now: Date): Promise<string> {
  const row = await db
    .insertInto('staff_user')
    .values({ username: u.username, display_name: u.displayName, email: u.email, municipality_code: u.municipalityCode, profession: 'other', password_hash: null, is_demo: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_role').values(u.roles.map((role) => ({ staff_user_id: row.id, role }))).execute();
  await db.insertInto('staff_identity').values({ provider, subject, staff_user_id: row.id, created_at: now, last_sign_in_at: now }).execute();
  return row.id;
}

/** The linked user as the provider now says: name, e-mail, municipality, roles; active again. */
export async function updateLinkedStaffUser(db: Db, provider: string, subject: string, staffUserId: string, u: Omit<ProvisionedUser, 'username'>, now: Date): Promise<void> {
  await db.updateTable('staff_user').set({ display_name: u.displayName, email: u.email, municipality_code: u.municipalityCode, active: true }).where('id', '=', staffUserId).execute();
  await db.deleteFrom('staff_role').where('staff_user_id', '=', staffUserId).where('role', 'not in', u.roles).execute();
  await db
    .insertInto('staff_role')
    .values(u.roles.map((role) => ({ staff_user_id: staffUserId, role })))
    .onConflict((oc) => oc.columns(['staff_user_id', 'role']).doNothing())
    .execute();
  await db.updateTable('staff_identity').set({ last_sign_in_at: now }).where('provider', '=', provider).where('subject', '=', subject).execute();
}

/** Deactivates a user and ends their sessions; returns how many sessions ended. */
export async function deactivateStaffUser(db: Db, staffUserId: string): Promise<number> {
  await db.updateTable('staff_user').set({ active: false }).where('id', '=', staffUserId).execute();
  const r = await db.deleteFrom('staff_session').where('staff_user_id', '=', staffUserId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type PendingStaffSignIn = { provider: string; requestId: string | null; state: string | null; nonce: string | null; codeVerifier: string | null; expiresAt: Date };

export async function insertStaffSignIn(db: Db, tokenHash: string, s: PendingStaffSignIn & { createdAt: Date }): Promise<void> {
  await db
    .insertInto('staff_sign_in')
    .values({ token_hash: tokenHash, provider: s.provider, request_id: s.requestId, state: s.state, nonce: s.nonce, code_verifier: s.codeVerifier, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

/** Takes a sign-in under way: deleted as it is read, so it serves once. */
export async function takeStaffSignIn(db: Db, tokenHash: string): Promise<PendingStaffSignIn | undefined> {
  const r = await db.deleteFrom('staff_sign_in').where('token_hash', '=', tokenHash).returning(['provider', 'request_id', 'state', 'nonce', 'code_verifier', 'expires_at']).executeTakeFirst();
  return r && { provider: r.provider, requestId: r.request_id, state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, expiresAt: new Date(r.expires_at) };
}

/** The provider's side of a session (for SP-initiated logout), if it was opened through one. */
export async function findSessionProvider(db: Db, tokenHash: string): Promise<{ provider: string; subject: string; sessionRef: string | null; nameIdForm: SamlNameIdForm } | undefined> {
  const r = await db
    .selectFrom('staff_session')
    .select(['provider', 'idp_subject', 'idp_session_ref', 'idp_name_id_format', 'idp_name_qualifier', 'idp_sp_name_qualifier'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r?.provider || !r.idp_subject) return undefined;
  return { provider: r.provider, subject: r.idp_subject, sessionRef: r.idp_session_ref, nameIdForm: nameIdFormOf(r) };
}

/**
 * Ends the sessions a provider's logout names: its subject's, narrowed to one provider session
 * when the logout names it (SAML SessionIndex), or found by the provider session alone (OIDC `sid`).
 * Returns the users whose sessions ended.
 */
export async function deleteProviderSessions(db: Db, provider: string, by: { subject?: string; sessionRef?: string }): Promise<string[]> {
  if (!by.subject && !by.sessionRef) return [];
  let q = db.deleteFrom('staff_session').where('provider', '=', provider);
  if (by.subject) q = q.where('idp_subject', '=', by.subject);
  if (by.sessionRef) q = q.where('idp_session_ref', '=', by.sessionRef);
  const rows = await q.returning('staff_user_id').execute();
  return [...new Set(rows.map((r) => r.staff_user_id))];
}

/** Sign-ins under way past their time (index on expires_at). */
export async function deleteExpiredSignInState(db: Db, expiredBy: Date): Promise<number> {
  const a = await db.deleteFrom('staff_sign_in').where('expires_at', '<=', expiredBy).executeTakeFirst();
  return Number(a.numDeletedRows);
}

