import { z } from 'zod';
import { attendanceCancellers, citizenCancelReasons, MAX_CITIZEN_CANCEL_CUTOFF_HOURS } from './attendance-cancellation.ts';
import { calendarDate, isoDate, text, uuid } from './common.ts';

export const teamModes = ['rolling', 'cohort'] as const;
export const teamMode = z.enum(teamModes);
export type TeamMode = z.infer<typeof teamMode>;

export const attendanceStatuses = ['attended', 'cancelled', 'no_show'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;

export const enrolmentStatuses = ['waiting', 'enrolled', 'ended'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** Why an enrolment ended; `quota_reached` is set by the attendance rules, never chosen. */
export const enrolmentEndReasons = ['quota_reached', 'completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other'] as const;
export type EnrolmentEndReason = (typeof enrolmentEndReasons)[number];
export const chosenEndReasons = ['completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other'] as const;

/** A local Danish wall-clock time `HH:MM`. */
export const wallTime = text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' });

export const scheduleSlot = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  startTime: wallTime,
  durationMinutes: z.number().int().min(15).max(480),
  room: text.trim().max(200).nullable().optional(),
});
export type ScheduleSlot = z.input<typeof scheduleSlot>;

export const teamCreate = z.strictObject({
  offeringId: uuid,
  name: text.trim().min(1, 'is required').max(200),
  mode: teamMode,
  capacity: z.number().int().min(1).max(200),
  /** Defaults to the intervention's dose (the sum of its parts, e.g. 29). */
  sessionQuota: z.number().int().min(1).max(200).optional(),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable().optional(),
  room: text.trim().max(200).nullable().optional(),
  schedule: z.array(scheduleSlot).min(1).max(14),
});
export type TeamCreate = z.input<typeof teamCreate>;

export const teamParams = z.strictObject({ teamId: uuid });
export const sessionParams = z.strictObject({ sessionId: uuid });
export const enrolmentParams = z.strictObject({ enrolmentId: uuid });

export const sessionGenerate = z.strictObject({ from: calendarDate, to: calendarDate });
export type SessionGenerate = z.input<typeof sessionGenerate>;

export const skippedDate = z.object({ date: isoDate, reason: z.enum(['public_holiday', 'closing_day']), label: text.nullable() });
export const sessionGenerateResult = z.object({ created: z.number().int(), existing: z.number().int(), skipped: z.array(skippedDate) });
export type SessionGenerateResult = z.infer<typeof sessionGenerateResult>;

export const offeringChoice = z.object({
  id: uuid,
  placeName: text,
  interventionCode: text,
  interventionName: text,
  defaultQuota: z.number().int().nullable(),
  teamMode: teamMode.nullable(),
});
export type OfferingChoice = z.infer<typeof offeringChoice>;

export const teamSummary = z.object({
  id: uuid,
  name: text,
  mode: teamMode,
  capacity: z.number().int(),
  sessionQuota: z.number().int(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  room: text.nullable(),
  /** Until how many hours before a session's start a citizen may cancel it themselves. */
  citizenCancelCutoffHours: z.number().int(),
  offering: offeringChoice,
  schedule: z.array(z.object({ weekday: z.number().int(), startTime: text, durationMinutes: z.number().int(), room: text.nullable() })),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  sessions: z.number().int(),
  nextSessionAt: text.nullable(),
});
export type TeamSummary = z.infer<typeof teamSummary>;

export const teamList = z.object({ teams: z.array(teamSummary), offerings: z.array(offeringChoice) });
export type TeamList = z.infer<typeof teamList>;

export const teamCitizen = z.object({ id: uuid, name: text, identifier: text, homeMunicipality: text });
export type TeamCitizen = z.infer<typeof teamCitizen>;

export const attendanceCounts = z.object({ attended: z.number().int(), cancelled: z.number().int(), noShow: z.number().int(), used: z.number().int() });
export type AttendanceCounts = z.infer<typeof attendanceCounts>;

export const enrolment = z.object({
  id: uuid,
  crossReferralId: uuid,
  citizen: teamCitizen,
  status: z.enum(enrolmentStatuses),
  waitingSince: text.nullable(),
  startOn: isoDate.nullable(),
  quota: z.number().int(),
  endedOn: isoDate.nullable(),
  endReason: z.enum(enrolmentEndReasons).nullable(),
  counts: attendanceCounts,
});
export type Enrolment = z.infer<typeof enrolment>;

export const sessionKinds = ['regular', 'follow_up'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const teamSession = z.object({
  id: uuid,
  startsAt: text,
  date: isoDate,
  durationMinutes: z.number().int(),
  room: text.nullable(),
  /** A cohort team's follow-up session after its regular sessions (Livskraft: after 2 months). */
  kind: z.enum(sessionKinds),
  cancelled: z.boolean(),
  cancelReason: text.nullable(),
  recorded: z.number().int(),
});
export type TeamSession = z.infer<typeof teamSession>;

export const enrolmentCandidate = z.object({ crossReferralId: uuid, citizen: teamCitizen, receivedOn: isoDate });
export type EnrolmentCandidate = z.infer<typeof enrolmentCandidate>;

export const teamDetail = z.object({
  team: teamSummary,
  /** A cohort team whose first session has begun takes no one new: they go on the waiting list. */
  cohortStarted: z.boolean(),
  enrolments: z.array(enrolment),
  sessions: z.array(teamSession),
  candidates: z.array(enrolmentCandidate),
});
export type TeamDetail = z.infer<typeof teamDetail>;

export const enrolmentCreate = z.strictObject({
  crossReferralId: uuid,
  startOn: calendarDate,
  /** The citizen's own quota; defaults to the team's. */
  quota: z.number().int().min(1).max(200).optional(),
});
export type EnrolmentCreate = z.input<typeof enrolmentCreate>;

export const enrolmentAdmit = z.strictObject({ startOn: calendarDate });
export type EnrolmentAdmit = z.input<typeof enrolmentAdmit>;

/**
 * A change of a team's seats (more seats admit from the waiting list at once) and of the hours
 * before a session until which a citizen may cancel it themselves; either or both.
 */
export const teamUpdate = z.strictObject({
  capacity: z.number().int().min(1).max(200).optional(),
  citizenCancelCutoffHours: z.number().int().min(0).max(MAX_CITIZEN_CANCEL_CUTOFF_HOURS).optional(),
});
export type TeamUpdate = z.input<typeof teamUpdate>;

/** Cancelling one session (e.g. the therapist is ill): nobody's quota is used by it. */
export const sessionCancel = z.strictObject({ reason: text.trim().min(1, 'is required').max(500) });
export type SessionCancel = z.input<typeof sessionCancel>;

export const enrolmentEnd = z.strictObject({ endedOn: calendarDate, endReason: z.enum(chosenEndReasons) });
export type EnrolmentEnd = z.input<typeof enrolmentEnd>;

export const attendanceRecord = z.strictObject({
  enrolmentId: uuid,
  status: attendanceStatus,
  cancelReason: text.trim().max(500).nullable().optional(),
});
export type AttendanceRecord = z.input<typeof attendanceRecord>;

export const sessionParticipant = z.object({
  enrolmentId: uuid,
  citizen: teamCitizen,
  quota: z.number().int(),
  counts: attendanceCounts,
  /** Which of the citizen's quota this session is (12 of 29), counting the sessions used before it; null when it does not use one. */
  sessionNumber: z.number().int().nullable(),
  status: attendanceStatus.nullable(),
  cancelReason: text.nullable(),
  /** Who recorded the cancellation: the citizen on their own page (with a reason code) or staff. */
  cancelledBy: z.enum(attendanceCancellers).nullable(),
  cancelReasonCode: z.enum(citizenCancelReasons).nullable(),
  enrolmentStatus: z.enum(enrolmentStatuses),
});
export type SessionParticipant = z.infer<typeof sessionParticipant>;

export const sessionDetail = z.object({
  session: teamSession,
  team: z.object({ id: uuid, name: text }),
  /** Whether attended / no-show can be marked yet (not before the session's day). */
  held: z.boolean(),
  participants: z.array(sessionParticipant),
});
export type SessionDetail = z.infer<typeof sessionDetail>;
