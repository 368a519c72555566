import { describe, expect, it } from 'vitest';
import { toReferralBody } from '../../referrals/utils/referralForm.ts';
import { keepRecordContact } from '../../referrals/utils/referralForm.ts';
import { prefillForm } from './prefillForm.ts';

const prefill = {
  receivedOn: '2026-11-22',
  source: 'gp' as const,
  referringOrganisationId: null,
  referringText: 'Lægehuset, ydernummer 079741, Hans Jensen',
  diagnosisCode: null,
  treatmentStatus: null,
  citizen: { cpr: '1502779995', givenName: 'Ruddi Test', familyName: 'Berggren', addressLine: 'Park Alle 48', postalCode: '3400', city: 'Hillerød', phone: '20222324' },
};

describe('prefillForm', () => {
  it('fills what the letter says and leaves the diagnosis, treatment, target group and legal basis to the user', () => {
    const form = prefillForm(prefill, '2026-11-23');
    expect(form).toMatchObject({ cpr: '1502779995', givenName: 'Ruddi Test', receivedOn: '2026-11-22', source: 'gp', referringText: 'Lægehuset, ydernummer 079741, Hans Jensen', diagnosisCode: '', treatmentStatus: '', targetGroup: '', legalBasis: '' });
    const body = toReferralBody(form, false);
    expect(body).toMatchObject({ citizen: { cpr: '1502779995', phone: '20222324' }, source: 'gp', diagnosisCode: undefined, targetGroup: undefined });
  });

  it("for a citizen on record empties the letter's address and phone unless the user changed them", () => {
    const initial = prefillForm(prefill, '2026-11-23');
    const typed = { ...initial, phone: '11 22 33 44' };
    expect(keepRecordContact(typed, initial)).toMatchObject({ addressLine: '', postalCode: '', city: '', phone: '11 22 33 44', cpr: '1502779995' });
  });
});
