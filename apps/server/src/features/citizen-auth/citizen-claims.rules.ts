import { normaliseCpr } from '@samkraft/contracts/cpr';

/** The claim names a deployment configures (its broker's): the CPR and the NSIS assurance level. */
export type ClaimNames = { cprClaim: string; loaClaim: string };

export type VerifiedCitizen = { ok: true; cpr: string; assuranceLevel: string | null } | { ok: false; reason: 'cpr_missing' | 'assurance' };

/**
 * NSIS levels as brokers write them: a URI (`https://data.gov.dk/concept/core/nsis/Substantial`,
 * or `…/nsis/loa/Substantial`) or a bare word (`SUBSTANTIAL`). Health data needs at least
 * Substantial.
 */
export function nsisLevelAccepted(value: string): boolean {
  const level = value.trim().split('/').pop()?.toLowerCase();
  return level === 'substantial' || level === 'high';
}

/**
 * The citizen the identity provider vouched for, from its verified claims (the id token's, and
 * the userinfo's when the broker puts the CPR there). The CPR comes only from here — never typed.
 * An assurance level is required to be Substantial or High when the provider sends one.
 */
export function verifiedCitizen(claims: Record<string, unknown>, names: ClaimNames): VerifiedCitizen {
  const raw = claims[names.cprClaim];
  const cpr = typeof raw === 'string' ? normaliseCpr(raw) : null;
  if (!cpr) return { ok: false, reason: 'cpr_missing' };
  const loa = claims[names.loaClaim];
  if (loa !== undefined && (typeof loa !== 'string' || !nsisLevelAccepted(loa))) return { ok: false, reason: 'assurance' };
  return { ok: true, cpr, assuranceLevel: typeof loa === 'string' ? loa : null };
}

/**
 * NemLog-in's OIOSAML 3 attribute names (the CPR, the NSIS level, the name). Sources:
 * KvalitetsIT/kombit-sts-utility `OioSaml3Attributes.cs` (cprNumber, nsis/loa) and Trifork's
 * unsealed `OIOSAML3Constants.java` (cprNumber, fullName); ARCHITECTURE.md "Citizen sign-in".
 */
export const NEMLOGIN_ATTRIBUTES = {
  cpr: 'https://data.gov.dk/model/core/eid/cprNumber',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
  fullName: 'https://data.gov.dk/model/core/eid/fullName',
} as const;

/**
 * The citizen NemLog-in vouched for, from a verified assertion's attributes: as the OpenID
 * Connect claims are read (verifiedCitizen), but the NSIS level is required — OIOSAML 3 always
 * states it, so an assertion without one is not NemLog-in's. A single-valued attribute may come
 * as a list of one.
 */
export function verifiedNemLogInCitizen(attributes: Record<string, string | string[]>): VerifiedCitizen {
  const one = (name: string): string | undefined => {
    const v = attributes[name];
    return typeof v === 'string' ? v : Array.isArray(v) && v.length === 1 ? v[0] : undefined;
  };
  const claims = { cpr: one(NEMLOGIN_ATTRIBUTES.cpr), loa: one(NEMLOGIN_ATTRIBUTES.loa) ?? '' };
  return verifiedCitizen(claims, { cprClaim: 'cpr', loaClaim: 'loa' });
}

/** Only a path under /borger is a place to return to after signing in (no open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/borger(\/[A-Za-z0-9/_-]*)?$/.test(value) && !value.includes('//') ? value : '/borger';
}

/** What went wrong with the provider's answer, in words safe for the server log (see SignInOutcome in citizen-sign-in.service.ts). */
export function relyingPartyErrorCause(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const e = err as Error & { code?: unknown; error?: unknown; error_description?: unknown; status?: unknown };
  const oauth = typeof e.error === 'string' ? ` ${e.error}${typeof e.error_description === 'string' ? `: ${e.error_description}` : ''}` : '';
  const status = typeof e.status === 'number' ? ` (HTTP ${e.status})` : '';
  return `${typeof e.code === 'string' ? e.code : e.name}${oauth}${status}`.slice(0, 300);
}
