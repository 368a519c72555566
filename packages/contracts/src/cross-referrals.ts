import { z } from 'zod';
import { calendarDate, uuid } from './common.ts';
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

export const deeperAssessmentProfessions = ['physiotherapist', 'occupational_therapist', 'dietitian'] as const;

/** Exactly what a provider received: the chosen plan fields and assessment problems, nothing else. */
export const sharedSnapshot = z.object({
  intervention: z.object({ code: z.string(), name: z.string() }),
  placeName: z.string().nullable(),
  plan: z
    .object({
      version: z.number().int(),
      agreedOn: z.string(),
      difficultiesAndNeeds: z.string().optional(),
      purposeAndContent: z.string().optional(),
      location: z.string().optional(),
      otherAdministrations: z.string().nullable().optional(),
      returnToWork: z.string().nullable().optional(),
      goals: z.array(z.object({ description: z.string(), targetOn: z.string().nullable() })).optional(),
      responsibilities: z.array(z.object({ part: z.string(), responsible: z.string() })).optional(),
    })
    .nullable(),
  assessment: z
    .object({ assessedOn: z.string(), problems: z.array(z.object({ itemCode: z.string(), area: z.string(), label: z.string(), note: z.string().nullable() })) })
    .nullable(),
  /** Records made before this shape (imports, demo data): shown as label and value. */
  other: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});
export type SharedSnapshot = z.infer<typeof sharedSnapshot>;

export const courseIdParams = z.strictObject({ courseId: uuid });
export const crossReferralIdParams = z.strictObject({ crossReferralId: uuid });
export const deeperAssessmentParams = z.strictObject({ crossReferralId: uuid, assessmentId: uuid });

export const shareSelection = z.strictObject({
  planFields: z.array(sharablePlanField).max(sharablePlanFields.length),
  assessmentItems: z.array(z.string().min(1).max(100)).max(100),
});

export const crossReferralPreviewBody = z.strictObject({ offeringId: uuid, share: shareSelection });

export const crossReferralSendBody = z.strictObject({
  offeringId: uuid,
  consentOn: calendarDate,
  share: shareSelection,
});

/** Note §8.13: why the citizen is offered at home what a cross-municipal offering covers. */
const parallelHomeReason = z.string().trim().min(1).max(2000).optional();

export const homeOfferBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('home'), offeringId: uuid, decidedOn: calendarDate, parallelHomeReason }),
  z.strictObject({ kind: z.literal('temporary_home'), offeringId: uuid, decidedOn: calendarDate, parallelHomeReason }),
  z.strictObject({ kind: z.literal('free_choice_outside'), interventionCode: z.string().min(1).max(60), providerMunicipalityCode: z.string().regex(/^\d{4}$/), decidedOn: calendarDate }),
]);
export type HomeOfferBody = z.infer<typeof homeOfferBody>;

export const crossReferralUpdateBody = z.strictObject({ share: shareSelection });

export const citizenDeclineBody = z.strictObject({ declinedOn: calendarDate, reason: citizenDeclineReason, note: z.string().trim().max(2000).optional() });

export const routedOffering = z.object({
  offeringId: uuid,
  interventionCode: z.string(),
  interventionName: z.string(),
  hostMunicipalityCode: z.string(),
  hostMunicipalityName: z.string(),
  placeName: z.string(),
  address: z.string().nullable(),
  inferred: z.boolean(),
});
export type RoutedOffering = z.infer<typeof routedOffering>;

export const citizenDecline = z.object({ declinedOn: z.string(), reason: citizenDeclineReason, note: z.string().nullable() });

export const crossReferralSummary = z.object({
  id: uuid,
  kind: crossReferralKind,
  interventionName: z.string(),
  providerMunicipalityCode: z.string(),
  providerMunicipalityName: z.string(),
  placeName: z.string().nullable(),
  consentOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedOn: z.string(),
  providerDecision: z.enum(['accepted', 'declined']).nullable(),
  providerDecisionReason: z.string().nullable(),
  providerContactOn: z.string().nullable(),
  updates: z.number().int(),
  citizenDeclines: z.array(citizenDecline),
  /** What was first sent (cross-municipal only), then each update in the order sent. */
  snapshot: sharedSnapshot.nullable(),
  updateHistory: z.array(z.object({ sentAt: z.string(), snapshot: sharedSnapshot })),
  parallelHomeReason: z.string().nullable(),
});
export type CrossReferralSummary = z.infer<typeof crossReferralSummary>;

export const shareOptions = z.object({
  plan: z.object({ version: z.number().int(), agreedOn: z.string() }).nullable(),
  assessment: z.object({ assessedOn: z.string(), problems: z.array(z.object({ itemCode: z.string(), label: z.string() })) }).nullable(),
});

/** An offering hosted by the home municipality, and whether the must-use rule (§8.13) asks for a reason. */
export const homeOffering = z.object({
  offeringId: uuid,
  interventionCode: z.string(),
  interventionName: z.string(),
  placeName: z.string(),
  parallelHomeReasonRequired: z.boolean(),
});
export type HomeOffering = z.infer<typeof homeOffering>;

export const courseCrossReferrals = z.object({
  courseId: uuid,
  homeMunicipalityCode: z.string(),
  routedOfferings: z.array(routedOffering),
  homeOfferings: z.array(homeOffering),
  shareOptions,
  crossReferrals: z.array(crossReferralSummary),
});
export type CourseCrossReferrals = z.infer<typeof courseCrossReferrals>;

// ───────────── the provider's side ─────────────

export const inboxItem = z.object({
  id: uuid,
  citizenName: z.string(),
  citizenIdentifier: z.string(),
  homeMunicipalityName: z.string(),
  interventionName: z.string(),
  receivedOn: z.string(),
  state: z.enum(['new', 'accepted', 'declined', 'citizen_declined']),
  deadlines: z.array(deadline),
});
export type InboxItem = z.infer<typeof inboxItem>;
export const providerInbox = z.object({ asOf: z.string(), items: z.array(inboxItem) });
export type ProviderInbox = z.infer<typeof providerInbox>;

export const deeperAssessment = z.object({
  id: uuid,
  assessedOn: z.string(),
  profession: z.enum(deeperAssessmentProfessions),
  findings: z.string(),
  tests: z.array(recordedMeasurement),
});

export const incomingReferral = z.object({
  id: uuid,
  kind: crossReferralKind,
  citizen: z.object({ name: z.string(), identifier: z.string(), phone: z.string().nullable() }),
  homeMunicipalityName: z.string(),
  interventionName: z.string(),
  sentAt: z.string().nullable(),
  receivedOn: z.string(),
  snapshot: sharedSnapshot,
  updates: z.array(z.object({ sentAt: z.string(), snapshot: sharedSnapshot })),
  providerDecision: z.enum(['accepted', 'declined']).nullable(),
  providerDecisionReason: z.string().nullable(),
  providerContactOn: z.string().nullable(),
  citizenDeclines: z.array(citizenDecline),
  deadlines: z.array(deadline),
  deeperAssessments: z.array(deeperAssessment),
  goals: z.array(z.object({ id: uuid, description: z.string(), setOn: z.string(), status: z.string() })),
});
export type IncomingReferral = z.infer<typeof incomingReferral>;

export const acceptBody = z.strictObject({ contactOn: calendarDate });
export const providerDeclineBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const deeperAssessmentBody = z.strictObject({
  assessedOn: calendarDate,
  profession: z.enum(deeperAssessmentProfessions),
  findings: z.string().trim().min(1).max(5000),
  tests: z.array(measurement).max(standardTests.length),
  goals: z.array(z.string().trim().min(1).max(1000)).max(20),
});
