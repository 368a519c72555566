import { describe, expect, it } from 'vitest';
import { nsisLevelAccepted, safeReturnTo, verifiedCitizen } from './citizen-claims.rules.ts';

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
