import { describe, expect, it } from 'vitest';
import { providerReferralState } from './provider-referral-state.rules.ts';

const base = { providerDecision: null, citizenDeclined: false, startedOn: null, endedOn: null };

describe('providerReferralState', () => {
  it('follows a referral from new through accepted and started to ended', () => {
    expect(providerReferralState(base)).toBe('new');
    expect(providerReferralState({ ...base, providerDecision: 'accepted' })).toBe('accepted');
    expect(providerReferralState({ ...base, providerDecision: 'accepted', startedOn: '2026-12-01' })).toBe('started');
    expect(providerReferralState({ ...base, providerDecision: 'accepted', startedOn: '2026-12-01', endedOn: '2027-01-10' })).toBe('ended');
  });

  it('tells a provider decline from a citizen decline, whatever came before', () => {
    expect(providerReferralState({ ...base, providerDecision: 'declined' })).toBe('declined');
    expect(providerReferralState({ ...base, providerDecision: 'accepted', startedOn: '2026-12-01', citizenDeclined: true })).toBe('citizen_declined');
  });
});
