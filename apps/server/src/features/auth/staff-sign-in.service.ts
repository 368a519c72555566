import type { StaffSignInError } from '@samkraft/contracts/auth';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { createHash } from 'node:crypto';
import { findStaffById, type SessionProvider } from './auth.repository.ts';
import { openSession, type AuthDeps, type SignedIn } from './auth.service.ts';
import { checkSamlAnswer } from '../../platform/auth/saml/saml-answer.ts';
import { newSamlId } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import type { SamlServiceProvider } from '../../platform/auth/saml/saml-service-provider.ts';
import { hashToken, newToken } from './session.rules.ts';
import type { OidcProviderConfig, SamlProviderConfig, StaffSignIn } from './sign-in-config.ts';
import type { StaffRelyingParty } from './staff-oidc-relying-party.ts';
import { mapOidcIdentity, mapSamlIdentity, usernameFor, type MappingResult } from './staff-identity.rules.ts';
import {
  deactivateStaffUser,
  deleteProviderSessions,
  findIdentity,
  findSessionProvider,
  insertLinkedStaffUser,
  insertStaffSignIn,
  takeStaffSignIn,
  updateLinkedStaffUser,
} from './staff-identity.repository.ts';

export type StaffSignInDeps = { auth: AuthDeps; signIn: StaffSignIn };

/** How long a user has at the identity provider before the sign-in under way is void. */
export const STAFF_SIGN_IN_MINUTES = 10;

export type StaffSignInOutcome = ({ ok: true } & SignedIn) | { ok: false; reason: StaffSignInError; cause?: string };

const system = (requestId: string) => ({ actor: { kind: 'system' as const, name: 'staff-sign-in' }, requestId });

/**
 * A refusal, audited as the system (outcome denied): the provider, the reason and — when the
 * provider's answer was verified — its subject; nothing else from the answer.
 */
async function refuse(db: Db, provider: string, reason: StaffSignInError, requestId: string, o: { subject?: string; cause?: string } = {}): Promise<StaffSignInOutcome> {
  await audit(db, system(requestId), [{ action: 'auth.sign_in', citizenId: null, outcome: 'denied', detail: { provider, reason, ...(o.subject ? { subject: o.subject } : {}) } }]);
  return { ok: false, reason, ...(o.cause ? { cause: o.cause } : {}) };
}

async function pendingFor(deps: StaffSignInDeps, token: string | undefined, provider: string) {
  const pending = token ? await takeStaffSignIn(deps.auth.db, hashToken(token)) : undefined;
  if (!pending || pending.expiresAt <= deps.auth.clock.now() || pending.provider !== provider) return undefined;
  return pending;
}

async function remember(deps: StaffSignInDeps, token: string, p: { provider: string; requestId?: string; state?: string; nonce?: string; codeVerifier?: string }): Promise<void> {
  const now = deps.auth.clock.now();
  await insertStaffSignIn(deps.auth.db, hashToken(token), {
    provider: p.provider,
    requestId: p.requestId ?? null,
    state: p.state ?? null,
    nonce: p.nonce ?? null,
    codeVerifier: p.codeVerifier ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + STAFF_SIGN_IN_MINUTES * 60_000),
  });
}

/**
 * The verified identity, mapped: the user is created or updated (name, e-mail, municipality,
 * roles) and a session opened at the provider's level. No mapped role any more: the linked user
 * is deactivated (their sessions end) and the sign-in refused, both audited.
 */
async function finish(deps: StaffSignInDeps, provider: string, subject: string, mapped: MappingResult, via: Omit<SessionProvider, 'assuranceLevel'>, userAgent: string | null, requestId: string): Promise<StaffSignInOutcome> {
  const db = deps.auth.db;
  const now = deps.auth.clock.now();
  if (!mapped.ok) {
    if (mapped.reason === 'no_role') {
      const link = await findIdentity(db, provider, subject);
      if (link?.active) {
        await db.transaction().execute(async (trx) => {
          const ended = await deactivateStaffUser(trx, link.staffUserId);
          await audit(trx, system(requestId), [
            { action: 'auth.user_deactivated', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: link.staffUserId, detail: { provider, reason: 'no_role', sessionsEnded: ended } },
          ]);
        });
      }
    }
    return refuse(db, provider, mapped.reason, requestId, { subject });
  }
  const staffUserId = await db.transaction().execute(async (trx) => {
    const link = await findIdentity(trx, provider, subject);
    const user = { displayName: mapped.displayName, email: mapped.email, municipalityCode: mapped.municipalityCode, roles: mapped.roles };
    const after = { municipalityCode: user.municipalityCode, roles: [...user.roles].sort() };
    if (link) {
      const existing = await findStaffById(trx, link.staffUserId);
      await updateLinkedStaffUser(trx, provider, subject, link.staffUserId, user, now);
      // What the provider changed of the user's access — roles, municipality, or a deactivated user back — is audited with before and after.
      const before = existing && { municipalityCode: existing.municipalityCode, roles: [...existing.roles].sort(), active: existing.active };
      if (!before || before.municipalityCode !== after.municipalityCode || before.roles.join() !== after.roles.join() || !before.active) {
        await audit(trx, system(requestId), [{ action: 'staff.update', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: link.staffUserId, detail: { provider, before: before ?? null, after: { ...after, active: true } } }]);
      }
      return link.staffUserId;
    }
    const digest = createHash('sha256').update(`${provider}\n${subject}`).digest('hex');
    const id = await insertLinkedStaffUser(trx, provider, subject, { ...user, username: usernameFor(provider, digest) }, now);
    await audit(trx, system(requestId), [{ action: 'staff.create', citizenId: null, outcome: 'allowed', entityType: 'staff_user', entityId: id, detail: { provider, ...after } }]);
    return id;
  });
  const staff = await findStaffById(db, staffUserId);
  if (!staff) return refuse(db, provider, 'provider', requestId, { subject, cause: 'the provisioned user is gone' });
  const signed = await openSession(deps.auth, staff, userAgent, { ...via, assuranceLevel: mapped.level });
  return { ok: true, ...signed };
}

// ── SAML ──

/** Starts a SAML sign-in: the AuthnRequest's ID kept by the hash of a token that travels as RelayState. */
export async function startSamlSignIn(deps: StaffSignInDeps, sp: SamlServiceProvider<SamlProviderConfig>): Promise<string> {
  const token = newToken();
  const requestId = newSamlId();
  await remember(deps, token, { provider: sp.provider.id, requestId });
  return sp.loginUrl(requestId, token);
}

/**
 * The IdP's answer at the ACS. Checked in this order, each refusal audited: the sign-in under way
 * (RelayState), the response (signature, encryption, times, audience: saml-service-provider.ts),
 * the assertion's first use (saml_assertion_seen), InResponseTo, then the mapping.
 */
export async function completeSamlSignIn(deps: StaffSignInDeps, sp: SamlServiceProvider<SamlProviderConfig>, form: { SAMLResponse: string; RelayState?: string | undefined }, userAgent: string | null, requestId: string): Promise<StaffSignInOutcome> {
  const db = deps.auth.db;
  const id = sp.provider.id;
  const pending = await pendingFor(deps, form.RelayState, id);
  if (!pending) return refuse(db, id, 'state', requestId);
  const answer = await checkSamlAnswer(db, sp, id, form.SAMLResponse, pending.requestId);
  if (!answer.ok) return refuse(db, id, answer.reason, requestId, { cause: answer.cause, ...(answer.subject ? { subject: answer.subject } : {}) });
  const v = answer.verified;
  const mapped = mapSamlIdentity(sp.provider, { nameId: v.nameId, attributes: v.attributes });
  return finish(deps, id, v.nameId, mapped, { provider: id, subject: v.nameId, sessionRef: v.sessionIndex, nameIdForm: { format: v.nameIdFormat, nameQualifier: v.nameQualifier, spNameQualifier: v.spNameQualifier } }, userAgent, requestId);
}

/** Ends the Samkraft sessions a provider's logout names; audited (system) when any ended. */
export async function endProviderSessions(deps: StaffSignInDeps, provider: string, by: { subject?: string; sessionRef?: string }, requestId: string): Promise<number> {
  return deps.auth.db.transaction().execute(async (trx) => {
    const users = await deleteProviderSessions(trx, provider, by);
    if (users.length > 0) {
      await audit(
        trx,
        system(requestId),
        users.map((u) => ({ action: 'auth.single_logout', citizenId: null, outcome: 'allowed' as const, entityType: 'staff_user', entityId: u, detail: { provider } })),
      );
    }
    return users.length;
  });
}

/** The provider behind a session, for SP/RP-initiated logout. */
export async function sessionProvider(deps: StaffSignInDeps, tokenHash: string) {
  return findSessionProvider(deps.auth.db, tokenHash);
}

// ── OpenID Connect ──

export async function startOidcSignIn(deps: StaffSignInDeps, rp: StaffRelyingParty): Promise<{ token: string; url: string }> {
  const { checks, url } = await rp.begin();
  const token = newToken();
  await remember(deps, token, { provider: rp.provider.id, ...checks });
  return { token, url };
}

/** The provider's answer at the callback: state, PKCE, nonce, issuer and signature checked by openid-client; then the mapping. */
export async function completeOidcSignIn(
  deps: StaffSignInDeps,
  rp: StaffRelyingParty,
  flowToken: string | undefined,
  callbackQuery: string,
  userAgent: string | null,
  requestId: string,
): Promise<StaffSignInOutcome> {
  const db = deps.auth.db;
  const p: OidcProviderConfig = rp.provider;
  const pending = await pendingFor(deps, flowToken, p.id);
  if (!pending || !pending.state || !pending.nonce || !pending.codeVerifier) return refuse(db, p.id, 'state', requestId);
  const query = new URLSearchParams(callbackQuery);
  if (query.get('error')) return refuse(db, p.id, 'provider', requestId, { cause: `${query.get('error')}: ${query.get('error_description') ?? ''}` });
  if (query.get('state') !== pending.state) return refuse(db, p.id, 'state', requestId);
  let claims: Record<string, unknown>;
  try {
    ({ claims } = await rp.complete(callbackQuery, { state: pending.state, nonce: pending.nonce, codeVerifier: pending.codeVerifier }));
  } catch (err) {
    const claim = failedClaim(err);
    const cause = err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}${typeof claim === 'string' ? ` (${claim})` : ''}` : String(err);
    // openid-client names the claim that failed its comparison: a wrong nonce is said as such.
    return refuse(db, p.id, claim === 'nonce' ? 'nonce' : 'provider', requestId, { cause });
  }
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const mapped = mapOidcIdentity(p, claims);
  const sid = typeof claims.sid === 'string' ? claims.sid : null;
  return finish(deps, p.id, subject, mapped, { provider: p.id, subject, sessionRef: sid }, userAgent, requestId);
}

/** The claim whose comparison failed, as openid-client (and oauth4webapi beneath it) names it somewhere in the error's causes. */
function failedClaim(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
