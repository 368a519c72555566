import { audit } from '../../platform/audit/audit.ts';
import { newSamlId } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import { checkSamlAnswer } from '../../platform/auth/saml/saml-answer.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { RequestCitizenSession } from '../../platform/http/require-citizen.ts';
import { hashToken, newToken } from '../auth/session.rules.ts';
import { safeReturnTo, verifiedNemLogInCitizen } from './citizen-claims.rules.ts';
import { deleteIdpSessions, findCitizenSessionIdp, insertSignIn, takeSignIn, type IdpSession } from './citizen-auth.repository.ts';
import { NEMLOGIN_ID, type CitizenSamlProvider } from './citizen-saml.ts';
import { openCitizenSession, refuseCitizenSignIn, SIGN_IN_MINUTES, type SignInOutcome } from './citizen-sign-in.service.ts';

/** NemLog-in names a person by a persistent pseudonym (OIOSAML 3), never the CPR. */
export const NEMLOGIN_NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export type CitizenSamlDeps = { db: Db; clock: Clock; sessions: { idleMinutes: number; maxMinutes: number } };

/** Starts a NemLog-in sign-in: the AuthnRequest's ID kept by the hash of a token that travels as RelayState (the ACS is a cross-site POST: no SameSite cookie comes with it). */
export async function startCitizenSamlSignIn(deps: CitizenSamlDeps, sp: CitizenSamlProvider, returnTo: unknown): Promise<string> {
  const token = newToken();
  const samlRequestId = newSamlId();
  const now = deps.clock.now();
  await insertSignIn(deps.db, hashToken(token), { samlRequestId, returnTo: safeReturnTo(returnTo), createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000) });
  return sp.loginUrl(samlRequestId, token);
}

/**
 * NemLog-in's answer at the ACS. Checked in this order, each refusal audited (system
 * `citizen-sign-in`, the precise SAML refusal in the detail, the citizen told only to try again):
 * the sign-in under way (RelayState, once, 10 minutes), the response (signature, encryption,
 * times, audience), the assertion's first use and InResponseTo (platform/auth/saml), then the
 * attributes — the CPR only to find the citizen record, an NSIS level of Substantial or High.
 */
export async function completeCitizenSamlSignIn(deps: CitizenSamlDeps, sp: CitizenSamlProvider, form: { SAMLResponse: string; RelayState?: string | undefined }, requestId: string): Promise<SignInOutcome> {
  const pending = form.RelayState ? await takeSignIn(deps.db, hashToken(form.RelayState)) : undefined;
  if (!pending || pending.expiresAt <= deps.clock.now() || !pending.samlRequestId) return refuseCitizenSignIn(deps, 'state', requestId, undefined, { method: 'saml' });
  const answer = await checkSamlAnswer(deps.db, sp, NEMLOGIN_ID, form.SAMLResponse, pending.samlRequestId);
  if (!answer.ok) return refuseCitizenSignIn(deps, 'provider', requestId, answer.cause, { method: 'saml', samlRefusal: answer.reason });
  const v = answer.verified;
  return openCitizenSession(deps, verifiedNemLogInCitizen(v.attributes), pending.returnTo, requestId, {
    provider: NEMLOGIN_ID,
    subject: v.nameId,
    sessionRef: v.sessionIndex,
    nameIdForm: { format: v.nameIdFormat, nameQualifier: v.nameQualifier, spNameQualifier: v.spNameQualifier },
  });
}

/** The identity provider's side of a session opened through NemLog-in, or undefined for any other session. */
export async function citizenSessionIdp(deps: { db: Db }, session: RequestCitizenSession): Promise<IdpSession | undefined> {
  return findCitizenSessionIdp(deps.db, session.tokenHash);
}

/** A signed LogoutRequest to NemLog-in for that session, naming the person as NemLog-in did (its format; persistent for a session that kept none) (SP-initiated single logout), or null when NemLog-in has no logout endpoint. */
export async function citizenSamlLogoutUrl(sp: CitizenSamlProvider, idp: IdpSession): Promise<string | null> {
  return sp.logoutUrl({ nameId: idp.subject, nameIdForm: idp.nameIdForm ?? null, defaultFormat: NEMLOGIN_NAME_ID_FORMAT, sessionIndex: idp.sessionRef }, 'logget-ud');
}

/** NemLog-in's LogoutRequest (IdP-initiated logout): the sessions of its NameID (and SessionIndex) end, each audited with the citizen as actor. */
export async function endCitizenSamlSessions(deps: { db: Db }, nameId: string, sessionIndex: string | null, requestId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const citizens = await deleteIdpSessions(trx, NEMLOGIN_ID, nameId, sessionIndex);
    for (const citizenId of citizens) {
      await audit(trx, { actor: { kind: 'citizen', citizenId }, requestId }, [{ action: 'citizen_auth.single_logout', citizenId, outcome: 'allowed', detail: { provider: NEMLOGIN_ID } }]);
    }
    return citizens.length;
  });
}
