import { z } from 'zod';
import { calendarDate, isoDate, text, uuid } from './common.ts';

/** Status notes from the providing municipality to the home municipality (build item 7). */
export const statusNoteKinds = ['start', 'end', 'significant_change', 'other_interventions_needed', 'extra_support_needed'] as const;
export const statusNoteKind = z.enum(statusNoteKinds);
export type StatusNoteKind = z.infer<typeof statusNoteKind>;

/** Why a cross-municipal intervention ended (the same list as `cross_referral.end_reason`). */
export const statusNoteEndReasons = ['completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other'] as const;
export const statusNoteEndReason = z.enum(statusNoteEndReasons);
export type StatusNoteEndReason = z.infer<typeof statusNoteEndReason>;

export const providerGoalStatuses = ['open', 'reached', 'partly_reached', 'not_reached', 'dropped'] as const;
export type ProviderGoalStatus = (typeof providerGoalStatuses)[number];

export const statusNoteIdParams = z.strictObject({ statusNoteId: uuid });

/**
 * A new note. The end fields belong to the end note only: `courseEndOn`, `attendanceCount` and
 * `endReason` are required there (checked in the service, so each missing one is named), and
 * refused on the other kinds.
 */
export const statusNoteCreate = z.strictObject({
  kind: statusNoteKind,
  body: text.trim().min(1, 'is required').max(8000),
  courseEndOn: calendarDate.optional(),
  attendanceCount: z.number().int().min(0).max(1000).optional(),
  goalsReached: text.trim().max(4000).optional(),
  endReason: statusNoteEndReason.optional(),
});
export type StatusNoteCreate = z.input<typeof statusNoteCreate>;

export const statusNote = z.object({
  id: uuid,
  crossReferralId: uuid,
  kind: statusNoteKind,
  writtenOn: isoDate,
  body: text,
  courseEndOn: isoDate.nullable(),
  attendanceCount: z.number().int().nullable(),
  goalsReached: text.nullable(),
  endReason: statusNoteEndReason.nullable(),
  authorName: text.nullable(),
  providerMunicipalityName: text,
  interventionName: text,
  sentAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  readByName: text.nullable(),
});
export type StatusNote = z.infer<typeof statusNote>;

/** A note as the home municipality sees it: with the citizen and the course it belongs to. */
export const homeStatusNote = statusNote.extend({
  courseId: uuid,
  citizenName: text,
  citizenIdentifier: text,
  contactPersonName: text.nullable(),
});
export type HomeStatusNote = z.infer<typeof homeStatusNote>;

export const statusNoteInboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type StatusNoteInboxQuery = z.input<typeof statusNoteInboxQuery>;

export const statusNoteInbox = z.object({ items: z.array(homeStatusNote) });
export type StatusNoteInbox = z.infer<typeof statusNoteInbox>;

/** Unread notes of the actor's municipality, and of the courses where the actor is contact person. */
export const statusNoteUnreadCount = z.object({ all: z.number().int(), mine: z.number().int() });
export type StatusNoteUnreadCount = z.infer<typeof statusNoteUnreadCount>;

export const courseStatusNotes = z.object({ items: z.array(homeStatusNote) });
export type CourseStatusNotes = z.infer<typeof courseStatusNotes>;

/** What the provider needs to write a note: what it has written, and facts for the draft. */
export const providerStatusNotes = z.object({
  crossReferralId: uuid,
  receivedOn: isoDate,
  startedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
  providerDecision: z.enum(['accepted', 'declined']).nullable(),
  prefill: z.object({
    /** Attended sessions so far, over the referral's enrolments (or the imported count). */
    attendanceCount: z.number().int(),
    enrolmentStartOn: isoDate.nullable(),
    /** Null while an enrolment is still running. */
    enrolmentEndOn: isoDate.nullable(),
    /** The reason the team gave when it ended the enrolment, so the end note does not ask twice. */
    endReason: statusNoteEndReason.nullable(),
    goals: z.array(z.object({ id: uuid, description: text, status: z.enum(providerGoalStatuses), setOn: isoDate })),
  }),
  writtenKinds: z.array(statusNoteKind),
  notes: z.array(statusNote),
});
export type ProviderStatusNotes = z.infer<typeof providerStatusNotes>;
