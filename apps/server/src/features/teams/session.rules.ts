import type { FieldIssue } from '../../platform/errors.ts';

/**
 * Cancelling one session (the therapist is ill, the room is flooded). A cancelled session is not
 * held, so it has no attendance and uses nobody's quota. A session where someone is already
 * recorded as attended or no-show was held and cannot be cancelled; advance cancellations
 * (afbud) on it stay as they are.
 */
export function checkSessionCancel(s: { cancelled: boolean; heldMarks: number }): FieldIssue[] {
  if (s.cancelled) return [{ field: 'sessionId', code: 'session_cancelled', message: 'the session is already cancelled' }];
  if (s.heldMarks > 0) return [{ field: 'sessionId', code: 'attendance_recorded', message: 'attendance is recorded for the session' }];
  return [];
}

/** Reinstating a session cancelled by mistake: only a cancelled session without attendance. */
export function checkSessionReinstate(s: { cancelled: boolean; heldMarks: number }): FieldIssue[] {
  if (!s.cancelled) return [{ field: 'sessionId', code: 'session_not_cancelled', message: 'the session is not cancelled' }];
  if (s.heldMarks > 0) return [{ field: 'sessionId', code: 'attendance_recorded', message: 'attendance is recorded for the session' }];
  return [];
}
