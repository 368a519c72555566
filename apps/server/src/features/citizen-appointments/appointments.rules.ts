import type { MyAppointment, MyAppointments } from '@samkraft/contracts/appointments';
import { danishDate } from '../../platform/clock.ts';
import { citizenCancelDeadline, citizenCancelRefusal } from '../teams/citizen-cancellation.rules.ts';
import type { AppointmentRecord } from './appointments.repository.ts';

/** How far back the page shows past sessions, and how far ahead upcoming ones. */
export const PAST_DAYS = 30;
export const AHEAD_DAYS = 366;

export function appointmentWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - PAST_DAYS * 86_400_000), to: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) };
}

export const endOf = (a: { startsAt: Date; durationMinutes: number }): Date => new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);

export function toMyAppointment(a: AppointmentRecord, now: Date): MyAppointment {
  const refusal = citizenCancelRefusal({
    now,
    startsAt: a.startsAt,
    sessionDate: danishDate(a.startsAt),
    cutoffHours: a.cutoffHours,
    sessionCancelled: a.cancelled,
    enrolment: a.enrolment,
    mark: a.mark,
  });
  return {
    sessionId: a.sessionId,
    interventionName: a.interventionName,
    teamName: a.teamName,
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    endsAt: endOf(a).toISOString(),
    date: danishDate(a.startsAt),
    placeName: a.placeName,
    room: a.room,
    address: a.address,
    municipality: a.municipality,
    cancelledByTeam: a.cancelled,
    attendance: a.mark,
    cancelledBy: a.mark === 'cancelled' ? (a.cancelledBy ?? 'staff') : null,
    cancelReason: a.mark === 'cancelled' ? a.cancelReasonCode : null,
    cancelUntil: citizenCancelDeadline(a.startsAt, a.cutoffHours).toISOString(),
    mayCancel: refusal === null,
    cancelRefusal: refusal,
  };
}

/**
 * The page's two lists: sessions not yet ended, soonest first, and the ended ones, newest first.
 * A session shows once even if two enrolments of the citizen reach it (the first, by the query's order).
 */
export function toMyAppointments(records: readonly AppointmentRecord[], now: Date): MyAppointments {
  const seen = new Set<string>();
  const upcoming: MyAppointment[] = [];
  const past: MyAppointment[] = [];
  for (const r of records) {
    if (seen.has(r.sessionId)) continue;
    seen.add(r.sessionId);
    (endOf(r).getTime() > now.getTime() ? upcoming : past).push(toMyAppointment(r, now));
  }
  return { upcoming, past: past.reverse() };
}
