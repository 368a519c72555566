import { z } from 'zod';
import { calendarDate, text, uuid } from './common.ts';
import { deadline } from './deadlines.ts';
import { measurement, recordedMeasurement, standardTests } from './measurements.ts';

/** What of the current action plan the contact person may choose to share with a provider. */
export const sharablePlanFields = ['difficultiesAndNeeds', 'purposeAndContent', 'location', 'goals', 'responsibilities', 'otherAdministrations', 'returnToWork'] as const;
export const sharablePlanField = z.enum(sharablePlanFields);
export type SharablePlanField = z.infer<typeof sharablePlanField>;

export const crossReferralKinds = ['cross_municipal', 'home', 'temporary_home', 'free_choice_outside'] as const;
export const crossReferralKind = z.enum(crossReferralKinds);
export type CrossReferralKind = z.infer<typeof crossReferralKind>;

export const citizenDeclineReasons = ['not_relevant', 'too_far', 'already_in_home_course', 'other'] as const;
export const citizenDeclineReason = z.enum(citizenDeclineReasons);
export type CitizenDeclineReason = z.infer<typeof citizenDeclineReason>;

export const providerDecisions = ['accepted', 'declined'] as const;
export type ProviderDecision = (typeof providerDecisions)[number];

/** Who records a deeper assessment through the API. */
export const deeperAssessmentProfessions = ['physiotherapist', 'occupational_therapist', 'dietitian'] as const;
/** What the table accepts: the foundation schema allowed `nurse` too (no route records it). */
export const storedDeeperAssessmentProfessions = [...deeperAssessmentProfessions, 'nurse'] as const;
export type StoredDeeperAssessmentProfession = (typeof storedDeeperAssessmentProfessions)[number];

/** Exactly what a provider received: the chosen plan fields and assessment problems, nothing else. */
export const sharedSnapshot = z.object({
  intervention: z.object({ code: text, name: text }),
  placeName: text.nullable(),
  plan: z
    .object({
      version: z.number().int(),
      agreedOn: text,
      difficultiesAndNeeds: text.optional(),
      purposeAndContent: text.optional(),
      location: text.optional(),
      otherAdministrations: text.nullable().optional(),
      returnToWork: text.nullable().optional(),
      goals: z.array(z.object({ description: text, targetOn: text.nullable() })).optional(),
      responsibilities: z.array(z.object({ part: text, responsible: text })).optional(),
    })
    .nullable(),
  assessment: z
    .object({ assessedOn: text, problems: z.array(z.object({ itemCode: text, area: text, label: text, note: text.nullable() })) })
    .nullable(),
  /** The referral's diagnosis (ICD-10 code and Danish title), only when the contact person chose to share it. */
  diagnosis: z.object({ code: text, title: text }).nullable().optional(),
  /** Records made before this shape (imports, demo data): shown as label and value. */
  other: z.array(z.object({ label: text, value: text })).optional(),
});
export type SharedSnapshot = z.infer<typeof sharedSnapshot>;

export const courseIdParams = z.strictObject({ courseId: uuid });
export const crossReferralIdParams = z.strictObject({ crossReferralId: uuid });
export const deeperAssessmentParams = z.strictObject({ crossReferralId: uuid, assessmentId: uuid });

export const shareSelection = z.strictObject({
  planFields: z.array(sharablePlanField).max(sharablePlanFields.length),
  assessmentItems: z.array(text.min(1).max(100)).max(100),
  /** Share the referral's diagnosis (code and title); not shared unless chosen. */
  diagnosis: z.boolean().optional(),
});

export const crossReferralPreviewBody = z.strictObject({ offeringId: uuid, share: shareSelection });

export const crossReferralSendBody = z.strictObject({
  offeringId: uuid,
  consentOn: calendarDate,
  share: shareSelection,
});

/** Note §8.13: why the citizen is offered at home what a cross-municipal offering covers. */
const parallelHomeReason = text.trim().min(1).max(2000).optional();

export const homeOfferBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('home'), offeringId: uuid, decidedOn: calendarDate, parallelHomeReason }),
  z.strictObject({ kind: z.literal('temporary_home'), offeringId: uuid, decidedOn: calendarDate, parallelHomeReason }),
  z.strictObject({ kind: z.literal('free_choice_outside'), interventionCode: text.min(1).max(60), providerMunicipalityCode: text.regex(/^\d{4}$/), decidedOn: calendarDate }),
]);
export type HomeOfferBody = z.infer<typeof homeOfferBody>;

export const crossReferralUpdateBody = z.strictObject({ share: shareSelection });

export const citizenDeclineBody = z.strictObject({ declinedOn: calendarDate, reason: citizenDeclineReason, note: text.trim().max(2000).optional() });

export const routedOffering = z.object({
  offeringId: uuid,
  interventionCode: text,
  interventionName: text,
  hostMunicipalityCode: text,
  hostMunicipalityName: text,
  placeName: text,
  address: text.nullable(),
  inferred: z.boolean(),
});
export type RoutedOffering = z.infer<typeof routedOffering>;

export const citizenDecline = z.object({ declinedOn: text, reason: citizenDeclineReason, note: text.nullable() });

export const crossReferralSummary = z.object({
  id: uuid,
  kind: crossReferralKind,
  interventionName: text,
  providerMunicipalityCode: text,
  providerMunicipalityName: text,
  placeName: text.nullable(),
  consentOn: text.nullable(),
  sentAt: text.nullable(),
  receivedOn: text,
  providerDecision: z.enum(providerDecisions).nullable(),
  providerDecisionReason: text.nullable(),
  providerContactOn: text.nullable(),
  /** The first session attended (the referral's start) and its end, as the provider recorded them. */
  startedOn: text.nullable(),
  endedOn: text.nullable(),
  updates: z.number().int(),
  citizenDeclines: z.array(citizenDecline),
  /** What was first sent (cross-municipal only), then each update in the order sent. */
  snapshot: sharedSnapshot.nullable(),
  updateHistory: z.array(z.object({ sentAt: text, snapshot: sharedSnapshot })),
  parallelHomeReason: text.nullable(),
});
export type CrossReferralSummary = z.infer<typeof crossReferralSummary>;

export const shareOptions = z.object({
  /** The referral's diagnosis, for the contact person to choose to share. */
  diagnosis: z.object({ code: text, title: text }).nullable(),
  plan: z.object({ version: z.number().int(), agreedOn: text }).nullable(),
  assessment: z.object({ assessedOn: text, problems: z.array(z.object({ itemCode: text, label: text })) }).nullable(),
});

/** An offering hosted by the home municipality, and whether the must-use rule (§8.13) asks for a reason. */
export const homeOffering = z.object({
  offeringId: uuid,
  interventionCode: text,
  interventionName: text,
  placeName: text,
  parallelHomeReasonRequired: z.boolean(),
});
export type HomeOffering = z.infer<typeof homeOffering>;

export const courseCrossReferrals = z.object({
  courseId: uuid,
  homeMunicipalityCode: text,
  routedOfferings: z.array(routedOffering),
  homeOfferings: z.array(homeOffering),
  shareOptions,
  crossReferrals: z.array(crossReferralSummary),
});
export type CourseCrossReferrals = z.infer<typeof courseCrossReferrals>;

// ───────────── the provider's side ─────────────

/** Where a cross-municipal referral stands at the providing municipality (inbox and start page alike). */
export const providerReferralStates = ['new', 'accepted', 'started', 'ended', 'declined', 'citizen_declined'] as const;
export const providerReferralState = z.enum(providerReferralStates);
export type ProviderReferralState = z.infer<typeof providerReferralState>;

export const inboxItem = z.object({
  id: uuid,
  citizenName: text,
  citizenIdentifier: text,
  homeMunicipalityName: text,
  interventionName: text,
  receivedOn: text,
  state: providerReferralState,
  deadlines: z.array(deadline),
});
export type InboxItem = z.infer<typeof inboxItem>;
export const providerInbox = z.object({ asOf: text, items: z.array(inboxItem) });
export type ProviderInbox = z.infer<typeof providerInbox>;

export const deeperAssessment = z.object({
  id: uuid,
  assessedOn: text,
  profession: z.enum(storedDeeperAssessmentProfessions),
  findings: text,
  tests: z.array(recordedMeasurement),
});

/** Whom the provider reaches at the home municipality about the referral. */
export const homeContact = z.object({
  name: text.nullable(),
  profession: text.nullable(),
  phone: text.nullable(),
  email: text.nullable(),
  /** The home municipality's rehabilitation unit: the number to call when the contact person has none. */
  unitPhone: text.nullable(),
});
export type HomeContact = z.infer<typeof homeContact>;

export const incomingReferral = z.object({
  id: uuid,
  kind: crossReferralKind,
  citizen: z.object({ id: uuid, name: text, identifier: text, phone: text.nullable() }),
  homeMunicipalityCode: text,
  homeMunicipalityName: text,
  homeContact,
  interventionName: text,
  sentAt: text.nullable(),
  receivedOn: text,
  snapshot: sharedSnapshot,
  updates: z.array(z.object({ sentAt: text, snapshot: sharedSnapshot })),
  providerDecision: z.enum(providerDecisions).nullable(),
  providerDecisionReason: text.nullable(),
  providerContactOn: text.nullable(),
  /** The first session attended (the referral's start) and its end. */
  startedOn: text.nullable(),
  endedOn: text.nullable(),
  citizenDeclines: z.array(citizenDecline),
  deadlines: z.array(deadline),
  deeperAssessments: z.array(deeperAssessment),
  goals: z.array(z.object({ id: uuid, description: text, setOn: text, status: text })),
});
export type IncomingReferral = z.infer<typeof incomingReferral>;

export const acceptBody = z.strictObject({ contactOn: calendarDate });
export const providerDeclineBody = z.strictObject({ reason: text.trim().min(1).max(2000) });

export const deeperAssessmentBody = z.strictObject({
  assessedOn: calendarDate,
  profession: z.enum(deeperAssessmentProfessions),
  findings: text.trim().min(1).max(5000),
  tests: z.array(measurement).max(standardTests.length),
  goals: z.array(text.trim().min(1).max(1000)).max(20),
});
