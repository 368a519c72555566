import { closeReasons } from '@samkraft/contracts/courses';
import { isOneOf } from '@samkraft/contracts/common';

export type CourseCloseReason = (typeof closeReasons)[number];

/** A course's close reason as a text key; an unknown value reads as "other". */
export function closeReasonKey(reason: string): CourseCloseReason {
  return isOneOf(closeReasons, reason) ? reason : 'other';
}
