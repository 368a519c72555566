import { z } from 'zod';
import { isoDate, phoneNumber, text, uuid } from './common.ts';

/**
 * Relatives (pårørende, issue 13.8): a relative registered on the citizen's course by the home
 * municipality, who may take part in sessions with the citizen (note §8.8, Bilag H: "Pårørende kan
 * deltage sammen med borgeren"). The relative's attendance is recorded apart from the citizen's
 * and never uses the citizen's quota. No CPR number is kept for a relative.
 */

/** How the relative is related to the citizen (`course_relative.relation`). */
export const relativeRelations = ['partner', 'child', 'parent', 'sibling', 'other_family', 'friend', 'other'] as const;
export type RelativeRelation = (typeof relativeRelations)[number];
export const relativeRelation = z.enum(relativeRelations);

const relativeName = text.trim().min(1).max(200);

/** Registering a relative on a course. The citizen's consent to the relative taking part is required. */
export const relativeCreate = z.strictObject({
  name: relativeName,
  relation: relativeRelation,
  phone: phoneNumber.nullable().optional(),
  /** The citizen consents to the relative taking part in the course. */
  consentToParticipate: z.boolean(),
  /** The citizen consents to the relative's name being shared with the providing municipality. */
  consentToShareWithProvider: z.boolean(),
  consentGivenOn: isoDate,
  startsOn: isoDate,
});
export type RelativeCreate = z.infer<typeof relativeCreate>;

/** Changing a registered relative (the whole record but its dates of ending). */
export const relativeUpdate = relativeCreate;
export type RelativeUpdate = z.infer<typeof relativeUpdate>;

/** Ending a relative's registration: from this day they take part no more. */
export const relativeEnd = z.strictObject({ endsOn: isoDate });
export type RelativeEnd = z.infer<typeof relativeEnd>;

export const relativeParams = z.strictObject({ courseId: uuid, relativeId: uuid });

export const courseRelative = z.object({
  id: uuid,
  name: text,
  relation: relativeRelation,
  phone: text.nullable(),
  consentToParticipate: z.boolean(),
  consentToShareWithProvider: z.boolean(),
  consentGivenOn: isoDate,
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
});
export type CourseRelative = z.infer<typeof courseRelative>;

export const courseRelatives = z.object({ relatives: z.array(courseRelative), canWrite: z.boolean() });
export type CourseRelatives = z.infer<typeof courseRelatives>;

/** The citizen's own view (`/api/borger/relatives`): their relatives on their open courses. */
export const myRelative = z.object({
  courseId: uuid,
  name: text,
  relation: relativeRelation,
  phone: text.nullable(),
  consentToShareWithProvider: z.boolean(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
});
export type MyRelative = z.infer<typeof myRelative>;
export const myRelatives = z.object({ relatives: z.array(myRelative) });
export type MyRelatives = z.infer<typeof myRelatives>;

/** A relative on a session's attendance list: only the name and relation, and whether they took part. */
export const sessionRelative = z.object({
  relativeId: uuid,
  enrolmentId: uuid,
  name: text,
  relation: relativeRelation,
  attended: z.boolean(),
});
export type SessionRelative = z.infer<typeof sessionRelative>;
export const sessionRelatives = z.object({ relatives: z.array(sessionRelative) });
export type SessionRelatives = z.infer<typeof sessionRelatives>;

export const sessionRelativeParams = z.strictObject({ sessionId: uuid, relativeId: uuid });
export const relativeAttendanceBody = z.strictObject({ attended: z.boolean() });
export type RelativeAttendanceBody = z.infer<typeof relativeAttendanceBody>;
