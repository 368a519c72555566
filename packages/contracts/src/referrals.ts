import { z } from 'zod';
import { isoDate, sex, text, uuid } from './common.ts';
import { gpClinicInput } from './organisations.ts';

export const referralSources = ['gp', 'hospital_gop', 'hospital_ref01', 'municipal', 'self', 'other'] as const;
export const referralSource = z.enum(referralSources);
export type ReferralSource = z.infer<typeof referralSource>;

export const legalBases = ['SUL119', 'SUL140', 'SEL86-1', 'SEL86-2'] as const;
export const legalBasis = z.enum(legalBases);
export type LegalBasis = z.infer<typeof legalBasis>;

export const treatmentStatuses = ['under_treatment', 'treatment_ended', 'late_effects', 'palliative', 'unknown'] as const;
export const treatmentStatus = z.enum(treatmentStatuses);
export type TreatmentStatus = z.infer<typeof treatmentStatus>;

/** Note §8.4: in the target group, outside it, or admitted after an individual assessment. */
export const targetGroups = ['in_group', 'outside', 'admitted_individual'] as const;
export const targetGroup = z.enum(targetGroups);
export type TargetGroup = z.infer<typeof targetGroup>;

/**
 * Why a citizen falls outside the target group — one reason per criterion of note §8.4, so a
 * report can count them. Data, not free text; `other` needs the justification text.
 */
export const targetGroupOutsideReasons = [
  'no_cancer',
  'treatment_ended_over_2_years',
  'late_effects_over_5_years',
  'no_functional_limits',
  'not_member_municipality',
  'other',
] as const;
export const targetGroupOutsideReason = z.enum(targetGroupOutsideReasons);
export type TargetGroupOutsideReason = z.infer<typeof targetGroupOutsideReason>;

const filledText = (max: number) => text.trim().min(1, 'must not be empty').max(max);

export const newReferralCitizen = z.strictObject({
  /** `DDMMYY-SSSS` or 10 characters; replacement CPRs with letters are accepted. */
  cpr: text.max(20),
  givenName: filledText(200).optional(),
  familyName: filledText(200).optional(),
  /** Needed only when the CPR carries no sex (a replacement CPR ending in a letter). */
  sex: sex.optional(),
  addressLine: filledText(200).optional(),
  postalCode: text.regex(/^\d{4}$/, 'must be 4 digits').optional(),
  city: filledText(100).optional(),
  phone: text.trim().regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number').optional(),
  protected: z.boolean().optional(),
  /**
   * The date the citizen moved to this municipality: required (and only used) when the CPR
   * belongs to a citizen registered in another municipality — the move closes that course.
   */
  movedInOn: isoDate.optional(),
});

/**
 * The fields the intake needs but the schema lets be left out (`receivedOn`, `source`,
 * `diagnosisCode`, `treatmentStatus`, `targetGroup`): the intake rules name each one missing
 * beside every other issue, so an empty form's answer names all its fields at once instead of
 * stopping at the schema's first refusals (issue 10.18).
 */
export const newReferralBody = z.strictObject({
  citizen: newReferralCitizen,
  receivedOn: isoDate.optional(),
  source: referralSource.optional(),
  /** Derived as SUL140 for a hospital rehabilitation plan (GOP) when left out. */
  legalBasis: legalBasis.optional(),
  referringOrganisationId: uuid.optional(),
  referringText: filledText(300).optional(),
  diagnosisCode: text.trim().toUpperCase().regex(/^D(C[0-9]{2}|D0[0-9])$/, 'must be an ICD-10 code DC00–DD09').optional(),
  treatmentStatus: treatmentStatus.optional(),
  treatmentStartedOn: isoDate.optional(),
  treatmentEndedOn: isoDate.optional(),
  dischargedOn: isoDate.optional(),
  planClinicalStartOn: isoDate.optional(),
  targetGroup: targetGroup.optional(),
  targetGroupReasons: z.array(targetGroupOutsideReason).max(targetGroupOutsideReasons.length).optional(),
  targetGroupJustification: filledText(4000).optional(),
  /** The citizen's GP clinic (egen læge), kept on the citizen; the closing note goes there. */
  gp: gpClinicInput.optional(),
  /** Create a new course although the citizen has an open one here (it is then linked). */
  allowDuplicate: z.boolean().optional(),
});
export type NewReferralBody = z.infer<typeof newReferralBody>;

export const newReferralResult = z.object({
  referralId: uuid,
  courseId: uuid,
  citizenId: uuid,
  citizenCreated: z.boolean(),
  /** The citizen's earlier open course here, when this referral was registered beside it. */
  linkedTo: z.object({ referralId: uuid, courseId: uuid }).nullable(),
  /** A referral outside the target group is recorded and its course closed at once. */
  courseClosed: z.boolean(),
});
export type NewReferralResult = z.infer<typeof newReferralResult>;

/** A CPR travels in a body, never in a URL: URLs end up in logs, proxies' included. */
export const citizenLookupBody = z.strictObject({ cpr: text.max(20) });
export const citizenLookup = z.object({
  /** Known to the actor's municipality (a citizen here, or with a referral here). */
  known: z.boolean(),
  citizen: z.object({ id: uuid, name: text, identifier: text, protected: z.boolean(), deceasedOn: isoDate.nullable() }).nullable(),
  openCourse: z.object({ courseId: uuid, receivedOn: isoDate }).nullable(),
  /** From the CPR itself, for the form. */
  birthDate: isoDate,
  sex: sex.nullable(),
});
export type CitizenLookup = z.infer<typeof citizenLookup>;

export const deceasedParams = z.strictObject({ citizenId: uuid });
export const deceasedBody = z.strictObject({ deceasedOn: isoDate });
export const deceasedResult = z.object({ citizenId: uuid, deceasedOn: isoDate, closedCourseIds: z.array(uuid) });
export type DeceasedResult = z.infer<typeof deceasedResult>;

export const diagnosisItem = z.object({ code: text, titleDa: text, titleEn: text.nullable(), uncertain: z.boolean() });
export type DiagnosisItem = z.infer<typeof diagnosisItem>;
