import type { RelativeCreate } from '@samkraft/contracts/relatives';
import type { FieldIssue } from '../../platform/errors.ts';

/** A relative as the rules need it: when they take part. */
export type RelativePeriod = { startsOn: string; endsOn: string | null };

/**
 * Whether a relative may be registered (or changed) on this course: the course is open, the
 * citizen consented to the relative taking part, and the consent was given by today, not after
 * the relative starts.
 */
export function checkRelative(input: Pick<RelativeCreate, 'consentToParticipate' | 'consentGivenOn' | 'startsOn'>, f: { today: string; courseClosedOn: string | null; endsOn?: string | null }): FieldIssue[] {
  if (f.courseClosedOn !== null) return [{ field: 'courseId', code: 'course_closed', message: 'the course is closed' }];
  const issues: FieldIssue[] = [];
  if (!input.consentToParticipate) issues.push({ field: 'consentToParticipate', code: 'participation_consent_required', message: "the citizen's consent to the relative taking part is required" });
  if (input.consentGivenOn > f.today) issues.push({ field: 'consentGivenOn', code: 'future_date', message: 'the consent cannot be given in the future' });
  if (input.startsOn < input.consentGivenOn) issues.push({ field: 'startsOn', code: 'before_consent', message: 'the relative cannot start before the consent was given' });
  if (f.endsOn != null && f.endsOn < input.startsOn) issues.push({ field: 'startsOn', code: 'after_end', message: 'the relative cannot start after their registration ended' });
  return issues;
}

/** Whether a registration may end on this day: not ended already, not before it started. */
export function checkEnd(r: RelativePeriod, endsOn: string): FieldIssue[] {
  if (r.endsOn !== null) return [{ field: 'endsOn', code: 'already_ended', message: 'the relative has already ended' }];
  if (endsOn < r.startsOn) return [{ field: 'endsOn', code: 'before_start', message: 'the end cannot be before the start' }];
  return [];
}

/** Whether the relative takes part on this day (the end day included). */
export function activeOn(r: RelativePeriod, date: string): boolean {
  return r.startsOn <= date && (r.endsOn === null || date <= r.endsOn);
}
