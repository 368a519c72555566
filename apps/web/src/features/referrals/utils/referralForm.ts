import { emptyGpForm, toGpInput, type GpForm } from './gpForm.ts';
import type { LegalBasis, NewReferralBody, ReferralSource, TargetGroup, TargetGroupOutsideReason, TreatmentStatus } from '@samkraft/contracts/referrals';

/** The intake form as typed: strings, empty when not filled in. */
export type ReferralForm = {
  cpr: string;
  givenName: string;
  familyName: string;
  sex: '' | 'F' | 'M';
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string;
  protected: boolean;
  /** Asked for only when the CPR belongs to a citizen registered in another municipality. */
  movedInOn: string;
  receivedOn: string;
  source: ReferralSource | '';
  legalBasis: LegalBasis | '';
  referringOrganisationId: string;
  referringText: string;
  diagnosisCode: string;
  treatmentStatus: TreatmentStatus | '';
  treatmentStartedOn: string;
  treatmentEndedOn: string;
  dischargedOn: string;
  planClinicalStartOn: string;
  targetGroup: TargetGroup | '';
  targetGroupReasons: TargetGroupOutsideReason[];
  targetGroupJustification: string;
  gp: GpForm;
};

export const emptyReferralForm = (today: string): ReferralForm => ({
  cpr: '',
  givenName: '',
  familyName: '',
  sex: '',
  addressLine: '',
  postalCode: '',
  city: '',
  phone: '',
  protected: false,
  movedInOn: '',
  receivedOn: today,
  source: '',
  legalBasis: '',
  referringOrganisationId: '',
  referringText: '',
  diagnosisCode: '',
  treatmentStatus: '',
  treatmentStartedOn: '',
  treatmentEndedOn: '',
  dischargedOn: '',
  planClinicalStartOn: '',
  targetGroup: '',
  targetGroupReasons: [],
  targetGroupJustification: '',
  gp: emptyGpForm(),
});

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

/**
 * The request body: every empty field left out — required ones too — so the server's one answer
 * names everything missing (its intake rules check the required fields, issue 10.18).
 */
export function toReferralBody(f: ReferralForm, allowDuplicate: boolean): NewReferralBody {
  const body: NewReferralBody = {
    citizen: {
      cpr: f.cpr.trim(),
      givenName: opt(f.givenName),
      familyName: opt(f.familyName),
      sex: f.sex || undefined,
      addressLine: opt(f.addressLine),
      postalCode: opt(f.postalCode),
      city: opt(f.city),
      phone: opt(f.phone),
      protected: f.protected || undefined,
      movedInOn: opt(f.movedInOn),
    },
    receivedOn: opt(f.receivedOn),
    source: f.source || undefined,
    legalBasis: f.source === 'hospital_gop' ? undefined : f.legalBasis || undefined,
    referringOrganisationId: opt(f.referringOrganisationId),
    referringText: opt(f.referringText),
    diagnosisCode: opt(f.diagnosisCode),
    treatmentStatus: f.treatmentStatus || undefined,
    treatmentStartedOn: opt(f.treatmentStartedOn),
    treatmentEndedOn: opt(f.treatmentEndedOn),
    dischargedOn: opt(f.dischargedOn),
    planClinicalStartOn: opt(f.planClinicalStartOn),
    targetGroup: f.targetGroup || undefined,
    targetGroupReasons: f.targetGroup === 'in_group' || f.targetGroupReasons.length === 0 ? undefined : f.targetGroupReasons,
    targetGroupJustification: f.targetGroup === 'in_group' ? undefined : opt(f.targetGroupJustification),
    gp: toGpInput(f.gp),
    allowDuplicate: allowDuplicate || undefined,
  };
  return body;
}

/**
 * A prefilled form's address and phone for a citizen already on record: those the user has not
 * changed from the prefill are emptied, so the intake keeps the record's (an empty field changes
 * nothing) instead of overwriting it with what a message said.
 */
export function keepRecordContact(form: ReferralForm, prefilled: ReferralForm): ReferralForm {
  const keys = ['addressLine', 'postalCode', 'city', 'phone'] as const;
  const next = { ...form };
  for (const key of keys) if (form[key] === prefilled[key]) next[key] = '';
  return next;
}
