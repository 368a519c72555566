import type { FieldIssue } from '../../platform/errors.ts';

/**
 * Whether a relative's attendance may be ticked (or unticked) for this session. A relative's
 * attendance is kept apart from the citizen's marks (`relative_attendance`, not `attendance`), so
 * it never uses a session of the citizen's quota (attendance.rules.ts counts only the citizen's).
 */
export function checkRelativeAttendance(f: { sessionDate: string; sessionCancelled: boolean; today: string; attended: boolean }): FieldIssue[] {
  if (f.sessionCancelled) return [{ field: 'sessionId', code: 'session_cancelled', message: 'the session is cancelled' }];
  if (f.attended && f.sessionDate > f.today) return [{ field: 'attended', code: 'future_date', message: 'the session has not been held yet' }];
  return [];
}
