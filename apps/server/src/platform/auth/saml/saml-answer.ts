import type { Db } from '../../database/database.ts';
import { markAssertionSeen } from './saml-assertion-seen.repository.ts';
import type { SamlRefusal, SamlServiceProvider, SamlVerified } from './saml-service-provider.ts';

export type SamlAnswer = { ok: true; verified: SamlVerified } | { ok: false; reason: SamlRefusal; cause: string; subject?: string };

/**
 * The identity provider's answer at an ACS, checked in this order: the response (signature,
 * encryption, times, audience: saml-service-provider.ts), the assertion's first use
 * (`saml_assertion_seen`, shared by every instance), and that it answers the sign-in under way
 * (InResponseTo = the AuthnRequest ID the caller kept in its database). `subject` (the NameID)
 * only once the answer was verified.
 */
export async function checkSamlAnswer<P>(db: Db, sp: SamlServiceProvider<P>, providerId: string, samlResponse: string, expectedRequestId: string | null): Promise<SamlAnswer> {
  const answer = await sp.verifyResponse(samlResponse);
  if (!answer.ok) return answer;
  const v = answer.verified;
  if (!(await markAssertionSeen(db, v.assertionId, providerId, v.expiresAt))) return { ok: false, reason: 'replayed', cause: `assertion ${v.assertionId} was used before`, subject: v.nameId };
  if (!expectedRequestId || v.inResponseTo !== expectedRequestId) return { ok: false, reason: 'in_response_to', cause: 'InResponseTo names another request', subject: v.nameId };
  return answer;
}
