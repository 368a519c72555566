/**
 * Who recorded a cancellation of a session (attendance status `cancelled`), and the reasons a
 * citizen chooses from when cancelling on their own page (issue 13.4). Column value lists:
 * `attendance.cancelled_by`, `attendance.cancel_reason_code` (migration 0037).
 */
export const attendanceCancellers = ['staff', 'citizen'] as const;
export type AttendanceCanceller = (typeof attendanceCancellers)[number];

export const citizenCancelReasons = ['illness', 'treatment', 'other'] as const;
export type CitizenCancelReason = (typeof citizenCancelReasons)[number];

/** The hours before a session's start until which a citizen may cancel it themselves: a day unless the team says otherwise. */
export const DEFAULT_CITIZEN_CANCEL_CUTOFF_HOURS = 24;
export const MAX_CITIZEN_CANCEL_CUTOFF_HOURS = 168;
