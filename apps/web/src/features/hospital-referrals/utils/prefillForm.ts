import type { DraftReferralPrefill } from '@samkraft/contracts/hospital-referrals';
import { emptyReferralForm, type ReferralForm } from '../../referrals/utils/referralForm.ts';

/** The intake form as a draft referral starts it: what the letter said; the rest left for the user. */
export function prefillForm(prefill: DraftReferralPrefill, today: string): ReferralForm {
  const c = prefill.citizen;
  return {
    ...emptyReferralForm(today),
    cpr: c.cpr ?? '',
    givenName: c.givenName ?? '',
    familyName: c.familyName ?? '',
    addressLine: c.addressLine ?? '',
    postalCode: c.postalCode ?? '',
    city: c.city ?? '',
    phone: c.phone ?? '',
    receivedOn: prefill.receivedOn,
    source: prefill.source,
    referringOrganisationId: prefill.referringOrganisationId ?? '',
    referringText: prefill.referringText ?? '',
    diagnosisCode: prefill.diagnosisCode ?? '',
    treatmentStatus: prefill.treatmentStatus ?? '',
  };
}
