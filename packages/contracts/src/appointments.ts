import { z } from 'zod';
import { citizenCancelReasons, attendanceCancellers } from './attendance-cancellation.ts';
import { isoDate, text, uuid } from './common.ts';

/**
 * "Mine aftaler" (issue 13.2 and 13.4): the signed-in citizen's team sessions, their calendar
 * feed, and cancelling a session themselves (`/api/borger/appointments…`).
 */

/** Why the citizen may not cancel a session themselves (null: they may). */
export const cancelRefusals = ['cutoff_passed', 'session_past', 'session_cancelled', 'already_cancelled', 'attendance_recorded', 'not_enrolled'] as const;
export type CancelRefusal = (typeof cancelRefusals)[number];

export const myAppointment = z.object({
  sessionId: uuid,
  /** The intervention's name in plain Danish, e.g. "Fysisk træning på hold". */
  interventionName: text,
  teamName: text,
  kind: z.enum(['regular', 'follow_up']),
  /** Instants in UTC (ISO 8601); the web shows them in Danish time. */
  startsAt: text,
  endsAt: text,
  /** The Danish calendar date of the start. */
  date: isoDate,
  placeName: text.nullable(),
  room: text.nullable(),
  address: text.nullable(),
  /** The municipality that runs the team. */
  municipality: text,
  /** The team cancelled the session (e.g. the therapist is ill): it uses nobody's quota. */
  cancelledByTeam: z.boolean(),
  /** The citizen's own mark for the session, if any. */
  attendance: z.enum(['attended', 'cancelled', 'no_show']).nullable(),
  cancelledBy: z.enum(attendanceCancellers).nullable(),
  cancelReason: z.enum(citizenCancelReasons).nullable(),
  /** Until when the citizen may cancel it themselves, and whether they still may. */
  cancelUntil: text,
  mayCancel: z.boolean(),
  cancelRefusal: z.enum(cancelRefusals).nullable(),
});
export type MyAppointment = z.infer<typeof myAppointment>;

export const myAppointments = z.object({
  /** From now on, soonest first. */
  upcoming: z.array(myAppointment),
  /** The last 30 days, newest first. */
  past: z.array(myAppointment),
});
export type MyAppointments = z.infer<typeof myAppointments>;

export const appointmentParams = z.strictObject({ sessionId: uuid });

export const appointmentCancel = z.strictObject({
  reason: z.enum(citizenCancelReasons),
  /** A few words, e.g. with "other"; shown to the therapist. */
  text: text.trim().max(300).nullable().optional(),
});
export type AppointmentCancel = z.input<typeof appointmentCancel>;

/** The calendar feed: on or off (its address is shown once, when it is made). */
export const calendarFeedStatus = z.object({ enabled: z.boolean(), createdAt: text.nullable() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

/** A new feed address, as a path on this server (a capability: whoever has it sees the times). Shown once. */
export const calendarFeedCreated = z.object({ path: text, createdAt: text });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

/** The feed's token in its URL: 32 random bytes, base64url (an unknown or revoked one is answered 404). */
export const calendarFeedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a calendar link' }) });
