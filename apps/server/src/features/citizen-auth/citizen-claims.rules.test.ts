import { describe, expect, it } from 'vitest';
import { NEMLOGIN_ATTRIBUTES, nsisLevelAccepted, relyingPartyErrorCause, safeReturnTo, verifiedCitizen, verifiedNemLogInCitizen } from './citizen-claims.rules.ts';

const names = { cprClaim: 'dk.cpr', loaClaim: 'loa' };
// Einer Test Lauridsen, an official MedCom test person (refdata/cpr/dkcore_medcom_test_patients.json).
const einer = '0201609995';

describe('the verified citizen of an identity provider’s claims', () => {
  it('takes the CPR from the configured claim, with or without its dash', () => {
    expect(verifiedCitizen({ 'dk.cpr': einer }, names)).toEqual({ ok: true, cpr: einer, assuranceLevel: null });
    expect(verifiedCitizen({ 'dk.cpr': '020160-9995' }, names)).toMatchObject({ ok: true, cpr: einer });
    expect(verifiedCitizen({ 'mitid.cpr': einer }, { ...names, cprClaim: 'mitid.cpr' })).toMatchObject({ ok: true, cpr: einer });
  });

  it('refuses claims without a CPR, or with something else in its place', () => {
    expect(verifiedCitizen({ sub: 'x' }, names)).toEqual({ ok: false, reason: 'cpr_missing' });
    expect(verifiedCitizen({ 'dk.cpr': 'abc' }, names)).toEqual({ ok: false, reason: 'cpr_missing' });
    expect(verifiedCitizen({ 'dk.cpr': 201609995 }, names)).toEqual({ ok: false, reason: 'cpr_missing' });
  });

  it('requires NSIS Substantial or High when the provider states a level', () => {
    expect(verifiedCitizen({ 'dk.cpr': einer, loa: 'https://data.gov.dk/concept/core/nsis/Substantial' }, names)).toMatchObject({ ok: true });
    expect(verifiedCitizen({ 'dk.cpr': einer, loa: 'https://data.gov.dk/concept/core/nsis/loa/High' }, names)).toMatchObject({ ok: true });
    expect(verifiedCitizen({ 'dk.cpr': einer, loa: 'https://data.gov.dk/concept/core/nsis/Low' }, names)).toEqual({ ok: false, reason: 'assurance' });
    expect(verifiedCitizen({ 'dk.cpr': einer, loa: 42 }, names)).toEqual({ ok: false, reason: 'assurance' });
    expect(nsisLevelAccepted('SUBSTANTIAL')).toBe(true);
    expect(nsisLevelAccepted('low')).toBe(false);
  });

  it('returns only to a page under /borger', () => {
    expect(safeReturnTo('/borger')).toBe('/borger');
    expect(safeReturnTo('/borger/forloeb')).toBe('/borger/forloeb');
    expect(safeReturnTo('https://evil.example')).toBe('/borger');
    expect(safeReturnTo('//evil.example/borger')).toBe('/borger');
    expect(safeReturnTo('/borger//evil')).toBe('/borger');
    expect(safeReturnTo('/api/courses')).toBe('/borger');
    expect(safeReturnTo(undefined)).toBe('/borger');
  });
});

describe('the cause of an unusable provider answer, for the server log', () => {
  it('names the OAuth error the provider sent and its HTTP status', () => {
    const err = Object.assign(new Error('server responded with an error in the response body'), { code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_grant', error_description: 'grant request is invalid', status: 400 });
    expect(relyingPartyErrorCause(err)).toBe('OAUTH_RESPONSE_BODY_ERROR invalid_grant: grant request is invalid (HTTP 400)');
  });

  it('names a failed check by its code, never by the message (which may quote a claim)', () => {
    const err = Object.assign(new Error('unexpected JWT "nonce" claim value 0104909989'), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
    expect(relyingPartyErrorCause(err)).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED');
    expect(relyingPartyErrorCause(new TypeError('fetch failed'))).toBe('TypeError');
    expect(relyingPartyErrorCause('a string')).toBe('unknown error');
  });
});

describe('verifiedNemLogInCitizen (OIOSAML 3 attributes)', () => {
  const cpr = NEMLOGIN_ATTRIBUTES.cpr;
  const loa = NEMLOGIN_ATTRIBUTES.loa;
  it('takes the CPR and a Substantial or High level, a value given as a list of one too', () => {
    expect(verifiedNemLogInCitizen({ [cpr]: einer, [loa]: 'Substantial' })).toEqual({ ok: true, cpr: einer, assuranceLevel: 'Substantial' });
    expect(verifiedNemLogInCitizen({ [cpr]: [einer], [loa]: ['https://data.gov.dk/concept/core/nsis/High'] })).toMatchObject({ ok: true, cpr: einer });
  });
  it('refuses Low, and no level at all (OIOSAML 3 always states it)', () => {
    expect(verifiedNemLogInCitizen({ [cpr]: einer, [loa]: 'Low' })).toEqual({ ok: false, reason: 'assurance' });
    expect(verifiedNemLogInCitizen({ [cpr]: einer })).toEqual({ ok: false, reason: 'assurance' });
  });
  it('refuses an assertion without a CPR, or with two', () => {
    expect(verifiedNemLogInCitizen({ [loa]: 'High' })).toEqual({ ok: false, reason: 'cpr_missing' });
    expect(verifiedNemLogInCitizen({ [cpr]: [einer, einer], [loa]: 'High' })).toEqual({ ok: false, reason: 'cpr_missing' });
  });
});
