import { z } from 'zod';
import { isoDate, isoInstant, municipalityRef, sex, text, uuid } from './common.ts';
import { legalBasis, referralSource, targetGroup, targetGroupOutsideReason, treatmentStatus } from './referrals.ts';
import { courseStep } from './start.ts';

export const contactChannels = ['phone', 'email', 'letter', 'digital_post', 'in_person', 'video'] as const;
export const contactChannel = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof contactChannel>;

export const closeReasons = ['completed', 'declined', 'died', 'moved', 'not_in_target_group', 'duplicate', 'other'] as const;
export type CourseCloseReason = (typeof closeReasons)[number];

export const courseParams = z.strictObject({ courseId: uuid });

const staffRef = z.object({ id: uuid, name: text });

export const courseContact = z.object({
  id: uuid,
  contactedOn: isoDate,
  /** Null for a first contact imported from a care-system extract (the channel is not known). */
  channel: contactChannel.nullable(),
  reached: z.boolean(),
  /** An instant (UTC); shown in Danish time. */
  agreedAssessmentAt: text.nullable(),
  preparationFormSentOn: isoDate.nullable(),
  note: text.nullable(),
  recordedBy: staffRef.nullable(),
});
export type CourseContact = z.infer<typeof courseContact>;

export const courseAssignment = z.object({
  staff: staffRef,
  assignedAt: text,
  assignedBy: staffRef.nullable(),
  endedAt: text.nullable(),
  reason: text.nullable(),
});
export type CourseAssignment = z.infer<typeof courseAssignment>;

/** The course overview: everything the contact person needs on one page. */
export const courseDetail = z.object({
  id: uuid,
  referralId: uuid,
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  closeReason: z.enum(closeReasons).nullable(),
  step: courseStep,
  homeMunicipality: municipalityRef,
  citizen: z.object({
    id: uuid,
    identifier: text,
    name: text,
    birthDate: isoDate,
    age: z.number().int(),
    sex,
    protected: z.boolean(),
    vulnerable: z.boolean(),
    /** Hidden (null) under name and address protection. */
    address: text.nullable(),
    phone: text.nullable(),
    deceasedOn: isoDate.nullable(),
  }),
  referral: z.object({
    receivedOn: isoDate,
    source: referralSource,
    legalBasis: legalBasis.nullable(),
    referringOrganisation: z.object({ id: uuid, name: text }).nullable(),
    referringText: text.nullable(),
    diagnosis: z.object({ code: text, title: text, uncertain: z.boolean() }).nullable(),
    treatmentStatus: treatmentStatus.nullable(),
    treatmentStartedOn: isoDate.nullable(),
    treatmentEndedOn: isoDate.nullable(),
    dischargedOn: isoDate.nullable(),
    planClinicalStartOn: isoDate.nullable(),
    targetGroup: targetGroup.nullable(),
    targetGroupReasons: z.array(targetGroupOutsideReason),
    targetGroupJustification: text.nullable(),
  }),
  contactPerson: staffRef.nullable(),
  assignments: z.array(courseAssignment),
  contacts: z.array(courseContact),
  preparationFormSentOn: isoDate.nullable(),
  /** Other referrals of the citizen linked to or from this one (a referral during an open course). */
  linkedReferrals: z.array(z.object({ referralId: uuid, courseId: uuid.nullable(), receivedOn: isoDate, closedOn: isoDate.nullable(), direction: z.enum(['links_to', 'linked_from']) })),
  permissions: z.object({ write: z.boolean(), assign: z.boolean(), takeOver: z.boolean() }),
  /** Contact persons of the home municipality a lead may assign (empty for others). */
  assignable: z.array(staffRef),
});
export type CourseDetail = z.infer<typeof courseDetail>;

export const contactPersonBody = z.strictObject({
  staffUserId: uuid,
  reason: text.trim().min(1, 'must not be empty').max(1000).optional(),
});
export type ContactPersonBody = z.infer<typeof contactPersonBody>;

export const newContactBody = z.strictObject({
  contactedOn: isoDate,
  channel: contactChannel,
  reached: z.boolean(),
  agreedAssessmentAt: isoInstant.optional(),
  note: text.trim().min(1, 'must not be empty').max(4000).optional(),
});
export type NewContactBody = z.infer<typeof newContactBody>;

export const preparationFormBody = z.strictObject({ sentOn: isoDate });
export type PreparationFormBody = z.infer<typeof preparationFormBody>;

export const idResult = z.object({ id: uuid });
