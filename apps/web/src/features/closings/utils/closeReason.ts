export const courseCloseReasons = ['completed', 'declined', 'died', 'moved', 'not_in_target_group', 'duplicate', 'other'] as const;
export type CourseCloseReason = (typeof courseCloseReasons)[number];

/** A course's close reason as a text key; an unknown value reads as "other". */
export function closeReasonKey(reason: string): CourseCloseReason {
  return (courseCloseReasons as readonly string[]).includes(reason) ? (reason as CourseCloseReason) : 'other';
}
