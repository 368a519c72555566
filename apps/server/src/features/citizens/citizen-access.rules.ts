import { belowPersonDataLevel, type Actor } from '../../platform/auth/actor.ts';

/** What decides who may see a citizen: where they live, and who their records are shared with. */
export type CitizenAccessFacts = {
  homeMunicipalityCode: string;
  /** Home municipalities of the citizen's referrals (the citizen may have moved since). */
  referralHomeCodes: string[];
  /** Providing municipalities that received a cross-municipal referral for the citizen. */
  sharedWithProviderCodes: string[];
};

export type CitizenAccess =
  | { allowed: true; scope: 'home' | 'provider' }
  | { allowed: false; reason: 'aggregates_only' | 'other_municipality' | 'not_staff' | 'assurance_level' };

const HOME_ROLES = ['contact_person', 'therapist', 'municipal_lead'] as const;
const PROVIDER_ROLES = ['therapist', 'municipal_lead'] as const;

/**
 * DESIGN.md "Access": the home municipality's staff see its citizens; a providing municipality
 * sees a citizen only through a cross-municipal referral addressed to it, and only what was
 * shared; coordinators (and administrators) see aggregates, never a person.
 */
export function decideCitizenAccess(actor: Actor, facts: CitizenAccessFacts, citizenId?: string): CitizenAccess {
  // The citizen sees their own record whole (aktindsigt) when the caller names whose it is.
  if (actor.kind === 'citizen') return citizenId !== undefined && citizenId === actor.citizenId ? { allowed: true, scope: 'home' } : { allowed: false, reason: 'not_staff' };
  if (actor.kind !== 'staff') return { allowed: false, reason: 'not_staff' };
  // Signed in at an NSIS level below the installation's person-data level: no person, whatever the role.
  if (belowPersonDataLevel(actor)) return { allowed: false, reason: 'assurance_level' };
  const m = actor.municipalityCode;
  const has = (roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));
  if (has(HOME_ROLES) && (facts.homeMunicipalityCode === m || facts.referralHomeCodes.includes(m))) {
    return { allowed: true, scope: 'home' };
  }
  if (has(PROVIDER_ROLES) && facts.sharedWithProviderCodes.includes(m)) {
    return { allowed: true, scope: 'provider' };
  }
  if (!has(HOME_ROLES) && !has(PROVIDER_ROLES)) return { allowed: false, reason: 'aggregates_only' };
  return { allowed: false, reason: 'other_municipality' };
}
