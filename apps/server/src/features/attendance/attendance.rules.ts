import type { AttendanceCounts, AttendanceStatus, EnrolmentStatus } from '@samkraft/contracts/teams';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * A citizen's use of the quota. A no-show uses the session (the seat was held and nobody else got
 * it); a cancellation made in advance does not, since teams expect many and the citizen keeps the
 * right to the full dose (note Bilag D).
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
