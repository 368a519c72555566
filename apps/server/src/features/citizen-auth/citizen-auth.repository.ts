import { sql } from 'kysely';
import { nameIdColumns, nameIdFormOf, type SamlNameIdForm } from '../../platform/auth/saml/saml-service-provider.ts';
import type { Db } from '../../platform/database/database.ts';

/** A sign-in under way: OpenID Connect's state, nonce and PKCE verifier, or SAML's AuthnRequest ID. */
export type PendingSignIn = { state: string | null; nonce: string | null; codeVerifier: string | null; samlRequestId: string | null; returnTo: string; expiresAt: Date };

export async function insertSignIn(
  db: Db,
  tokenHash: string,
  s: ({ state: string; nonce: string; codeVerifier: string } | { samlRequestId: string }) & { returnTo: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  const flow = 'samlRequestId' in s ? { saml_request_id: s.samlRequestId } : { state: s.state, nonce: s.nonce, code_verifier: s.codeVerifier };
  await db
    .insertInto('citizen_sign_in')
    .values({ token_hash: tokenHash, ...flow, return_to: s.returnTo, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

/** Takes a sign-in under way: deleted as it is read, so its checks serve once. */
export async function takeSignIn(db: Db, tokenHash: string): Promise<PendingSignIn | undefined> {
  const r = await db.deleteFrom('citizen_sign_in').where('token_hash', '=', tokenHash).returning(['state', 'nonce', 'code_verifier', 'saml_request_id', 'return_to', 'expires_at']).executeTakeFirst();
  return r && { state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, samlRequestId: r.saml_request_id, returnTo: r.return_to, expiresAt: new Date(r.expires_at) };
}

/** The citizen with this CPR (unique index on citizen.cpr); the CPR goes no further than this query. */
export async function findCitizenIdByCpr(db: Db, cpr: string): Promise<{ id: string; deceased: boolean } | undefined> {
  const r = await db.selectFrom('citizen').select(['id', 'deceased_on']).where('cpr', '=', cpr).where('is_synthetic', '=', false).executeTakeFirst();
  return r && { id: r.id, deceased: r.deceased_on !== null };
}

export type CitizenSessionRecord = {
  citizenId: string;
  givenName: string;
  familyName: string;
  csrfSecret: string;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
};

export async function insertCitizenSession(
  db: Db,
  s: { tokenHash: string; citizenId: string; csrfSecret: string; assuranceLevel: string | null; createdAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; idp?: IdpSession | undefined },
): Promise<void> {
  await db
    .insertInto('citizen_session')
    .values({
      token_hash: s.tokenHash,
      citizen_id: s.citizenId,
      csrf_secret: s.csrfSecret,
      assurance_level: s.assuranceLevel,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      idle_expires_at: s.idleExpiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
      ...(s.idp ? { provider: s.idp.provider, idp_subject: s.idp.subject, idp_session_ref: s.idp.sessionRef, ...nameIdColumns(s.idp.nameIdForm) } : {}),
    })
    .execute();
}

/** The identity provider's side of a session opened through NemLog-in (SAML): what single logout names. */
export type IdpSession = { provider: 'nemlog-in'; subject: string; sessionRef: string | null; nameIdForm?: SamlNameIdForm | undefined };

export async function findCitizenSessionIdp(db: Db, tokenHash: string): Promise<IdpSession | undefined> {
  const r = await db
    .selectFrom('citizen_session')
    .select(['provider', 'idp_subject', 'idp_session_ref', 'idp_name_id_format', 'idp_name_qualifier', 'idp_sp_name_qualifier'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (r?.provider !== 'nemlog-in' || !r.idp_subject) return undefined;
  return { provider: 'nemlog-in', subject: r.idp_subject, sessionRef: r.idp_session_ref, nameIdForm: nameIdFormOf(r) };
}

/** Ends the sessions an identity provider's logout names (its subject, narrowed to a SessionIndex when given); the citizens whose sessions ended. */
export async function deleteIdpSessions(db: Db, provider: 'nemlog-in', subject: string, sessionRef: string | null): Promise<string[]> {
  let q = db.deleteFrom('citizen_session').where('provider', '=', provider).where('idp_subject', '=', subject);
  if (sessionRef) q = q.where('idp_session_ref', '=', sessionRef);
  const rows = await q.returning('citizen_id').execute();
  return [...new Set(rows.map((r) => r.citizen_id))];
}

/** A session with its citizen's name, in one statement. */
export async function findCitizenSession(db: Db, tokenHash: string): Promise<CitizenSessionRecord | undefined> {
  const r = await db
    .selectFrom('citizen_session as s')
    .innerJoin('citizen as c', 'c.id', 's.citizen_id')
    .select(['s.citizen_id', 'c.given_name', 'c.family_name', 's.csrf_secret', 's.last_seen_at', 's.idle_expires_at', 's.absolute_expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    r && {
      citizenId: r.citizen_id,
      givenName: r.given_name,
      familyName: r.family_name,
      csrfSecret: r.csrf_secret,
      lastSeenAt: new Date(r.last_seen_at),
      idleExpiresAt: new Date(r.idle_expires_at),
      absoluteExpiresAt: new Date(r.absolute_expires_at),
    }
  );
}

export async function touchCitizenSession(db: Db, tokenHash: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
  await db.updateTable('citizen_session').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteCitizenSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('citizen_session').where('token_hash', '=', tokenHash).execute();
}

/** Sessions and sign-ins under way expired by `expiredBy`, in two statements (indexes `citizen_session_expiry_idx`, `citizen_sign_in_expires_at_idx`). */
export async function deleteExpiredCitizenSessions(db: Db, expiredBy: Date): Promise<number> {
  const sessions = await db.deleteFrom('citizen_session').where(sql`least(idle_expires_at, absolute_expires_at)`, '<=', expiredBy).executeTakeFirst();
  const signIns = await db.deleteFrom('citizen_sign_in').where('expires_at', '<=', expiredBy).executeTakeFirst();
  return Number(sessions.numDeletedRows) + Number(signIns.numDeletedRows);
}
