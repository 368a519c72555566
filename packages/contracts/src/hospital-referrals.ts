import { z } from 'zod';
import { isoDate, isoInstant, text, uuid } from './common.ts';
import { newReferralBody, newReferralResult, referralSource, treatmentStatus } from './referrals.ts';

/**
 * Hospital referrals in (issue 12.5): a referral that arrives as a message — today MedCom's
 * OIOXML XREF01 (the XML REF01) — is kept as a draft until a contact person of the receiving
 * municipality accepts it into the normal intake or rejects it.
 */

/** The message formats a draft referral is read from (a FHIR ServiceRequest/Task mapper is the next). */
export const draftReferralFormats = ['oioxml_xref01'] as const;
export type DraftReferralFormat = (typeof draftReferralFormats)[number];

export const draftReferralStates = ['pending', 'accepted', 'rejected'] as const;
export const draftReferralState = z.enum(draftReferralStates);
export type DraftReferralState = z.infer<typeof draftReferralState>;

/** The largest XREF01 file accepted: a letter is a few kilobytes, its attachments travel apart (XBIN01). */
export const MAX_OIOXML_BYTES = 512 * 1024;

/** An XREF01 file uploaded by hand (administrators), base64 in JSON as the extract upload; its name is not kept (it may carry a CPR). */
export const oioxmlUpload = z.strictObject({
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_OIOXML_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type OioxmlUpload = z.infer<typeof oioxmlUpload>;

export const receiptKinds = ['positive', 'negative'] as const;
/** The receipt to send back: XCTL03 (positive) or XCTL02 (negative), UTF-8 XML. */
export const oioxmlReceipt = z.object({ kind: z.enum(receiptKinds), xml: text });
export type OioxmlReceipt = z.infer<typeof oioxmlReceipt>;

export const oioxmlUploadResult = z.object({
  /** `duplicate`: this letter (sender EAN and letter id) came before; its draft and receipt are the first's. */
  outcome: z.enum(['received', 'duplicate']),
  draftId: uuid,
  municipalityCode: text,
  municipalityName: text,
  receipt: oioxmlReceipt.nullable(),
});
export type OioxmlUploadResult = z.infer<typeof oioxmlUploadResult>;

const phone = z.object({ number: text, kind: text.nullable() });
const diagnosis = z.object({ code: text.nullable(), type: text, text: text, description: text.nullable() });
export type DraftDiagnosis = z.infer<typeof diagnosis>;

export const draftReferralSummary = z.object({
  id: uuid,
  receivedAt: isoInstant,
  state: draftReferralState,
  senderName: text,
  referrerName: text.nullable(),
  patientName: text,
  /** The CPR `DDMMYY-SSSS`, or the other identifier the letter gave. */
  patientIdentifier: text.nullable(),
  diagnosisText: text.nullable(),
});
export type DraftReferralSummary = z.infer<typeof draftReferralSummary>;

export const draftReferralListQuery = z.strictObject({ state: draftReferralState.default('pending') });
export const draftReferralList = z.object({ drafts: z.array(draftReferralSummary) });
export type DraftReferralList = z.infer<typeof draftReferralList>;

export const draftReferralCount = z.object({ pending: z.number().int().min(0) });
export type DraftReferralCount = z.infer<typeof draftReferralCount>;

export const draftReferralParams = z.strictObject({ draftId: uuid });

/**
 * What the intake form starts from: the fields the letter gives, mapped to the intake's; the user
 * completes the rest (cancer diagnosis, treatment status, target group, legal basis …).
 */
export const draftReferralPrefill = z.object({
  receivedOn: isoDate,
  source: referralSource,
  referringOrganisationId: uuid.nullable(),
  referringText: text.nullable(),
  /** Only when the letter's SKS code is a cancer diagnosis of the list (DC00–DD09). */
  diagnosisCode: text.nullable(),
  treatmentStatus: treatmentStatus.nullable(),
  citizen: z.object({
    cpr: text.nullable(),
    givenName: text.nullable(),
    familyName: text.nullable(),
    addressLine: text.nullable(),
    postalCode: text.nullable(),
    city: text.nullable(),
    phone: text.nullable(),
  }),
});
export type DraftReferralPrefill = z.infer<typeof draftReferralPrefill>;

export const draftReferralDetail = z.object({
  id: uuid,
  format: z.enum(draftReferralFormats),
  receivedAt: isoInstant,
  state: draftReferralState,
  message: z.object({ envelopeId: text, letterId: text, statusCode: text.nullable(), sentAt: text.nullable(), episodeOfCareId: text.nullable() }),
  sender: z.object({
    ean: text,
    identifier: text.nullable(),
    identifierCode: text.nullable(),
    organisationName: text.nullable(),
    departmentName: text.nullable(),
    unitName: text.nullable(),
    address: text.nullable(),
    phone: text.nullable(),
    specialityCode: text.nullable(),
    referrerName: text.nullable(),
    referrerTitle: text.nullable(),
  }),
  receiver: z.object({ ean: text, organisationName: text.nullable(), departmentName: text.nullable() }),
  patient: z.object({
    cpr: text.nullable(),
    otherIdentifier: text.nullable(),
    givenName: text.nullable(),
    familyName: text,
    addressLine: text.nullable(),
    postalCode: text.nullable(),
    city: text.nullable(),
    phones: z.array(phone),
    email: text.nullable(),
  }),
  diagnosis: diagnosis.nullable(),
  additionalDiagnoses: z.array(diagnosis),
  priority: text.nullable(),
  texts: z.object({
    clinicalReason: text.nullable(),
    supplementary: text.nullable(),
    cave: text.nullable(),
    anamnesis: text.nullable(),
    examination: text.nullable(),
    actualMedicine: text.nullable(),
  }),
  decision: z
    .object({
      at: isoInstant,
      byName: text.nullable(),
      reason: text.nullable(),
      referralId: uuid.nullable(),
      courseId: uuid.nullable(),
    })
    .nullable(),
  prefill: draftReferralPrefill,
});
export type DraftReferralDetail = z.infer<typeof draftReferralDetail>;

/** Accepting: the intake's own body, checked by the same rules as a typed referral. */
export const acceptDraftReferralBody = newReferralBody;
export const acceptDraftReferralResult = newReferralResult.extend({ draftId: uuid });
export type AcceptDraftReferralResult = z.infer<typeof acceptDraftReferralResult>;

export const rejectDraftReferralBody = z.strictObject({ reason: text.trim().min(1, 'must not be empty').max(1000) });
export type RejectDraftReferralBody = z.infer<typeof rejectDraftReferralBody>;
export const rejectDraftReferralResult = z.object({ draftId: uuid, state: z.literal('rejected') });
