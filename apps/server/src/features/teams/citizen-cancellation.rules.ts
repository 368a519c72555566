import type { CancelRefusal } from '@samkraft/contracts/appointments';
import type { CitizenCancelReason } from '@samkraft/contracts/attendance-cancellation';
import type { AttendanceStatus, EnrolmentStatus } from '@samkraft/contracts/teams';
import { copenhagenInstant } from './team.rules.ts';

const wallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Until when a citizen may cancel a session themselves: the team's cut-off in hours before the
 * start, counted on the Danish wall clock — "24 hours" before Monday 10:00 is Sunday 10:00 also
 * across a change of daylight saving time (then 23 or 25 real hours), which is what a citizen
 * reads on the page and expects.
 */
export function citizenCancelDeadline(startsAt: Date, cutoffHours: number): Date {
  const [date, time] = wallClock.format(startsAt).split(' ') as [string, string];
  const naive = new Date(Date.parse(`${date}T${time}:00Z`) - cutoffHours * 3_600_000).toISOString();
  return copenhagenInstant(naive.slice(0, 10), naive.slice(11, 16));
}

export type CitizenCancelFacts = {
  now: Date;
  startsAt: Date;
  /** The Danish date of the session. */
  sessionDate: string;
  cutoffHours: number;
  sessionCancelled: boolean;
  enrolment: { status: EnrolmentStatus; startOn: string | null; endedOn: string | null };
  mark: AttendanceStatus | null;
};

/**
 * Why the citizen may not cancel this session themselves, or null when they may. A session the
 * team cancelled, one that has begun, one already cancelled or marked, and one outside the
 * citizen's enrolment are refused; after the cut-off they must call the team.
 */
export function citizenCancelRefusal(f: CitizenCancelFacts): CancelRefusal | null {
  if (f.sessionCancelled) return 'session_cancelled';
  if (f.startsAt.getTime() <= f.now.getTime()) return 'session_past';
  if (f.mark === 'cancelled') return 'already_cancelled';
  if (f.mark !== null) return 'attendance_recorded';
  const e = f.enrolment;
  if (e.status !== 'enrolled' || e.startOn === null || f.sessionDate < e.startOn || (e.endedOn !== null && f.sessionDate > e.endedOn)) return 'not_enrolled';
  if (f.now.getTime() > citizenCancelDeadline(f.startsAt, f.cutoffHours).getTime()) return 'cutoff_passed';
  return null;
}

const reasonLabels: Record<CitizenCancelReason, string> = { illness: 'Sygdom', treatment: 'Behandling', other: 'Andet' };

/** The cancellation's text as the attendance row keeps it: the citizen's own words, else the reason's name. */
export function citizenCancelText(reason: CitizenCancelReason, text: string | null | undefined): string {
  const own = (text ?? '').trim();
  return own === '' ? reasonLabels[reason] : own;
}
