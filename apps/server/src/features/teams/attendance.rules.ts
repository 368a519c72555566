import type { AttendanceCounts, AttendanceStatus, EnrolmentStatus } from '@samkraft/contracts/teams';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * What uses a session of the citizen's quota. The note gives team doses as "Hold 29 gange med
 * fremmøde 2 gange ugentligt" (Bilag E): 29 sessions the citizen takes part in, counted from
 * their own start (rolling admission, "løbende optag"), and it expects "en del aflysninger" that
 * the teams must absorb (Bilag D). So:
 * - attended uses one session;
 * - a no-show uses one: the seat on a team with a capped number of places was held for the
 *   citizen and nobody else could have it;
 * - a cancellation by the citizen (afbud, with a reason) does not: the citizen keeps the right to
 *   the whole dose, which is why cancellations are expected and allowed in advance;
 * - a session the team cancels (therapist ill, closing day) uses nobody's quota and carries no
 *   marks at all (features/teams/session.rules.ts).
 * The enrolment ends with `quota_reached` on the day the last session is used.
 */
export function countAttendance(statuses: readonly AttendanceStatus[]): AttendanceCounts {
  let attended = 0;
  let cancelled = 0;
  let noShow = 0;
  for (const s of statuses) {
    switch (s) {
      case 'attended':
        attended++;
        break;
      case 'cancelled':
        cancelled++;
        break;
      case 'no_show':
        noShow++;
        break;
      default: {
        const never: never = s;
        throw new Error(`unknown attendance status ${String(never)}`);
      }
    }
  }
  return { attended, cancelled, noShow, used: attended + noShow };
}

export type AttendanceFacts = {
  sessionDate: string;
  sessionCancelled: boolean;
  today: string;
  enrolment: { status: EnrolmentStatus; startOn: string | null };
  status: AttendanceStatus;
  cancelReason: string | null;
};

/** Whether this mark may be recorded for this participant at this session. */
export function checkAttendance(f: AttendanceFacts): FieldIssue[] {
  if (f.sessionCancelled) return [{ field: 'sessionId', code: 'session_cancelled', message: 'the session is cancelled' }];
  if (f.enrolment.status !== 'enrolled') return [{ field: 'enrolmentId', code: 'not_enrolled', message: 'the citizen is not enrolled in the team' }];
  if (f.enrolment.startOn === null || f.sessionDate < f.enrolment.startOn) {
    return [{ field: 'enrolmentId', code: 'before_start', message: "the session is before the citizen's start" }];
  }
  // A cancellation can be taken in advance; attendance and no-show only on or after the day.
  if (f.status !== 'cancelled' && f.sessionDate > f.today) return [{ field: 'status', code: 'future_date', message: 'the session has not been held yet' }];
  if (f.status === 'cancelled' && (f.cancelReason ?? '').trim() === '') return [{ field: 'cancelReason', code: 'reason_required', message: 'a cancellation needs a reason' }];
  return [];
}

/** The enrolment ends when the citizen has used the whole quota. */
export function quotaReached(counts: AttendanceCounts, quota: number): boolean {
  return counts.used >= quota;
}

/**
 * Which of the citizen's sessions this one is, e.g. 12 (of 29): the sessions used before it plus
 * one. A session the citizen cancelled, or one that is itself cancelled, uses none (null).
 */
export function sessionNumber(usedBefore: number, mark: AttendanceStatus | null, sessionCancelled: boolean): number | null {
  if (sessionCancelled || mark === 'cancelled') return null;
  return usedBefore + 1;
}

/** Who belongs on a session's list: enrolled on its day, or already marked for it. */
export function onSession(e: { status: EnrolmentStatus; startOn: string | null; endedOn: string | null }, date: string, marked: boolean): boolean {
  if (marked) return true;
  if (e.status === 'waiting' || e.startOn === null || e.startOn > date) return false;
  return e.endedOn === null || e.endedOn >= date;
}
