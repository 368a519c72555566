import { closeReasons } from '@samkraft/contracts/courses';

export type CourseCloseReason = (typeof closeReasons)[number];

/** A course's close reason as a text key; an unknown value reads as "other". */
export function closeReasonKey(reason: string): CourseCloseReason {
  return (closeReasons as readonly string[]).includes(reason) ? (reason as CourseCloseReason) : 'other';
}
