import { describe, expect, it } from 'vitest';
import { emptyRelativeForm, relativeFormOf, toRelativeBody } from './relativeForm.ts';

describe('the relative form', () => {
  it('sends an empty phone as none and keeps the consents as ticked', () => {
    const f = { ...emptyRelativeForm('2026-11-23'), name: 'Pige Test Levendefødt', relation: 'child' as const, phone: '  ', consentToParticipate: true };
    expect(toRelativeBody(f)).toEqual({ name: 'Pige Test Levendefødt', relation: 'child', phone: null, consentToParticipate: true, consentToShareWithProvider: false, consentGivenOn: '2026-11-23', startsOn: '2026-11-23' });
  });
  it('reads a saved relative back into the form', () => {
    const r = { id: 'x', name: 'A', relation: 'friend' as const, phone: null, consentToParticipate: true, consentToShareWithProvider: true, consentGivenOn: '2026-11-01', startsOn: '2026-11-02', endsOn: null };
    expect(toRelativeBody(relativeFormOf(r))).toEqual({ name: 'A', relation: 'friend', phone: null, consentToParticipate: true, consentToShareWithProvider: true, consentGivenOn: '2026-11-01', startsOn: '2026-11-02' });
  });
});
