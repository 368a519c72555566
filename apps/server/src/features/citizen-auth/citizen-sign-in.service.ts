import type { CitizenSignInError } from '@samkraft/contracts/borger';
import { audit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { hashToken, newToken } from '../auth/session.rules.ts';
import { relyingPartyErrorCause, safeReturnTo, verifiedCitizen, type VerifiedCitizen } from './citizen-claims.rules.ts';
import { findCitizenIdByCpr, insertCitizenSession, insertSignIn, takeSignIn, type IdpSession } from './citizen-auth.repository.ts';
import type { OidcSettings, RelyingParty } from './oidc-relying-party.ts';

export type CitizenAuthDeps = { db: Db; clock: Clock; rp: RelyingParty; settings: OidcSettings };

/** How long a citizen has at the identity provider before the sign-in under way is void. */
export const SIGN_IN_MINUTES = 10;

/** Why a sign-in ended without a session: a refusal, or a person Samkraft has no record of. */
export type SignInRefusal = CitizenSignInError | 'unknown_citizen';

/**
 * `cause`, when the provider's answer could not be used: the OAuth error code and description or
 * the library's error code — for the server log, never shown to the citizen, and never holding a
 * claim (openid-client's errors name the check that failed, not the token's content).
 */
export type SignInOutcome = { ok: true; token: string; returnTo: string } | { ok: false; reason: SignInRefusal; cause?: string };

const signInSystem = { actor: { kind: 'system' as const, name: 'citizen-sign-in' } };

/** Starts a sign-in: the checks kept by the hash of a new browser token, and the provider's URL. */
export async function startCitizenSignIn(deps: CitizenAuthDeps, returnTo: unknown): Promise<{ token: string; url: string }> {
  const { checks, url } = await deps.rp.begin();
  const now = deps.clock.now();
  const token = newToken();
  await insertSignIn(deps.db, hashToken(token), { ...checks, returnTo: safeReturnTo(returnTo), createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000) });
  return { token, url };
}

/**
 * A refusal, audited as the system (never a CPR, never an attribute of the answer). `detail`
 * adds what the citizen is not told: the way in (`method`) and the precise SAML refusal.
 */
export async function refuseCitizenSignIn(deps: { db: Db }, reason: SignInRefusal, requestId: string, cause?: string, detail: { method?: 'saml'; samlRefusal?: string } = {}): Promise<SignInOutcome> {
  await audit(deps.db, { ...signInSystem, requestId }, [{ action: 'citizen_auth.sign_in', citizenId: null, outcome: 'denied', detail: { reason, ...detail } }]);
  return cause === undefined ? { ok: false, reason } : { ok: false, reason, cause };
}

const refuse = (deps: CitizenAuthDeps, reason: SignInRefusal, requestId: string, cause?: string) => refuseCitizenSignIn(deps, reason, requestId, cause);

/**
 * The citizen back from the identity provider. The sign-in under way is taken (once); the
 * provider's answer is checked (state, PKCE, nonce, signature: openid-client); the CPR comes from
 * the verified claim and only finds the citizen record — no account is ever created, and the CPR
 * is neither stored with the session nor written to the log or the audit.
 */
export async function completeCitizenSignIn(
  deps: CitizenAuthDeps,
  flowToken: string | undefined,
  callbackQuery: string,
  providerError: string | undefined,
  requestId: string,
): Promise<SignInOutcome> {
  const pending = flowToken ? await takeSignIn(deps.db, hashToken(flowToken)) : undefined;
  const now = deps.clock.now();
  if (!pending || pending.expiresAt <= now || !pending.state || !pending.nonce || !pending.codeVerifier) return refuse(deps, 'state', requestId);
  if (providerError) return refuse(deps, 'provider', requestId);
  // openid-client checks it too; said here first so the refusal names its cause.
  if (new URLSearchParams(callbackQuery).get('state') !== pending.state) return refuse(deps, 'state', requestId);
  let answer: Awaited<ReturnType<RelyingParty['complete']>>;
  try {
    answer = await deps.rp.complete(callbackQuery, { state: pending.state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
  } catch (err) {
    // Nonce, PKCE, issuer, signature or the provider's own refusal: not the citizen's to fix.
    return refuse(deps, 'provider', requestId, relyingPartyErrorCause(err));
  }
  return openCitizenSession({ db: deps.db, clock: deps.clock, sessions: deps.settings }, verifiedCitizen(answer.claims, deps.settings), pending.returnTo, requestId);
}

/**
 * The tail of every way in (OpenID Connect and NemLog-in): the verified CPR only finds the
 * citizen record — no account is ever created, an unknown person is refused as such — and a
 * citizen session is opened, audited with the citizen as actor. The CPR is neither stored with
 * the session nor written to the log or the audit.
 */
export async function openCitizenSession(
  deps: { db: Db; clock: Clock; sessions: { idleMinutes: number; maxMinutes: number } },
  verified: VerifiedCitizen,
  returnTo: string,
  requestId: string,
  idp?: IdpSession,
): Promise<SignInOutcome> {
  const method = idp ? { method: 'saml' as const } : {};
  if (!verified.ok) return refuseCitizenSignIn(deps, verified.reason, requestId, undefined, method);
  const citizen = await findCitizenIdByCpr(deps.db, verified.cpr);
  if (!citizen) return refuseCitizenSignIn(deps, 'unknown_citizen', requestId, undefined, method);
  const now = deps.clock.now();
  const token = newToken();
  const idleExpiresAt = new Date(now.getTime() + deps.sessions.idleMinutes * 60_000);
  const absoluteExpiresAt = new Date(now.getTime() + deps.sessions.maxMinutes * 60_000);
  await deps.db.transaction().execute(async (trx) => {
    await insertCitizenSession(trx, { tokenHash: hashToken(token), citizenId: citizen.id, csrfSecret: newToken(), assuranceLevel: verified.assuranceLevel, createdAt: now, idleExpiresAt, absoluteExpiresAt, idp });
    await audit(trx, { actor: { kind: 'citizen', citizenId: citizen.id }, requestId }, [
      { action: 'citizen_auth.sign_in', citizenId: citizen.id, entityType: 'citizen', entityId: citizen.id, outcome: 'allowed', detail: { assuranceLevel: verified.assuranceLevel, ...(idp ? { provider: idp.provider } : {}) } },
    ]);
  });
  return { ok: true, token, returnTo };
}
