import type { ProviderReferralState } from '@samkraft/contracts/cross-referrals';

export type ProviderReferralFacts = {
  providerDecision: string | null;
  citizenDeclined: boolean;
  startedOn: string | null;
  endedOn: string | null;
};

/**
 * Where a cross-municipal referral stands at the providing municipality: one answer for the
 * inbox and the therapist's start page, so a citizen is never "Startet" on one screen and
 * "Accepteret" on the other. A decline ends the story whatever came before it.
 */
export function providerReferralState(r: ProviderReferralFacts): ProviderReferralState {
  if (r.citizenDeclined) return 'citizen_declined';
  if (r.providerDecision === 'declined') return 'declined';
  if (r.endedOn) return 'ended';
  if (r.startedOn) return 'started';
  if (r.providerDecision === 'accepted') return 'accepted';
  return 'new';
}
