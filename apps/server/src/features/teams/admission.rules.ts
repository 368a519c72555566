import type { EnrolmentEndReason, SessionKind, TeamMode } from '@samkraft/contracts/teams';
import type { FieldIssue } from '../../platform/errors.ts';
import type { IsoDate } from '../calendar/calendar.rules.ts';

/** What admission needs to know about a team's sessions. */
export type SessionFact = { date: IsoDate; startsAt: Date; kind: SessionKind; cancelled: boolean };

const held = (sessions: readonly SessionFact[]) => sessions.filter((s) => !s.cancelled && s.kind === 'regular').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

/**
 * The start of a citizen admitted today to a rolling team: the next session that is held, on or
 * after today; without one planned yet, today (never before the team's first day).
 */
export function nextStartOn(sessions: readonly SessionFact[], today: IsoDate, teamStartsOn: IsoDate): IsoDate {
  const next = held(sessions).find((s) => s.date >= today);
  if (next) return next.date;
  return today > teamStartsOn ? today : teamStartsOn;
}

/** A cohort starts together: every participant's start is the cohort's first held session (or the team's first day). */
export function cohortStartOn(sessions: readonly SessionFact[], teamStartsOn: IsoDate): IsoDate {
  return held(sessions)[0]?.date ?? teamStartsOn;
}

/**
 * A cohort has started once its first session has begun (or, with none planned, once its first
 * day has passed). From then it takes no one new: the waiting list is for the next cohort.
 */
export function cohortStarted(sessions: readonly SessionFact[], teamStartsOn: IsoDate, now: Date, today: IsoDate): boolean {
  const first = held(sessions)[0];
  return first ? now.getTime() >= first.startsAt.getTime() : today > teamStartsOn;
}

export type AdmissionFacts = { mode: TeamMode; started: boolean; enrolled: number; capacity: number };

/**
 * Rolling admission: a free seat enrols, a full team puts the citizen on the waiting list. A cohort
 * that has started is closed, so the citizen waits for the next one.
 */
export function admissionFor(f: AdmissionFacts): 'enrolled' | 'waiting' {
  if (f.mode === 'cohort' && f.started) return 'waiting';
  return f.enrolled < f.capacity ? 'enrolled' : 'waiting';
}

/** How many of the waiting list get a seat now (longest-waiting first). */
export function seatsToFill(f: AdmissionFacts, waiting: number): number {
  if (f.mode === 'cohort' && f.started) return 0;
  return Math.max(0, Math.min(f.capacity - f.enrolled, waiting));
}

/** A waiting citizen's start, whichever way the seat came: a cohort's first session, else the given or next session. */
export function startFor(mode: TeamMode, sessions: readonly SessionFact[], teamStartsOn: IsoDate, rollingStart: IsoDate): IsoDate {
  return mode === 'cohort' ? cohortStartOn(sessions, teamStartsOn) : rollingStart;
}

/**
 * The cross-municipal referral's end when the citizen's enrolment ends. Reaching the quota is
 * the intervention given in full, which the referral (and the extract) calls `completed`.
 */
export function referralEndReason(reason: EnrolmentEndReason): Exclude<EnrolmentEndReason, 'quota_reached'> {
  return reason === 'quota_reached' ? 'completed' : reason;
}

/** An enrolment cannot end before its start, nor before a session already recorded for it. */
export function checkEndDate(endedOn: IsoDate, startOn: IsoDate | null, lastMarkedOn: IsoDate | null): FieldIssue[] {
  if (startOn !== null && endedOn < startOn) return [{ field: 'endedOn', code: 'before_start', message: "must not be before the citizen's start" }];
  if (lastMarkedOn !== null && endedOn < lastMarkedOn) return [{ field: 'endedOn', code: 'before_attendance', message: `must not be before the last recorded session (${lastMarkedOn})` }];
  return [];
}
