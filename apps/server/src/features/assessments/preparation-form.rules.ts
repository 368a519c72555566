import type { CoursePreparationForm, NeedsAssessmentDraft, PreparationFormStatus } from '@samkraft/contracts/preparation-forms';
import type { FieldIssue } from '../../platform/errors.ts';

/** The dates that say where a preparation form is. */
export type PreparationFormDates = { openedAt: string | null; answeredAt: string | null };

export function preparationFormStatusOf(f: PreparationFormDates): PreparationFormStatus {
  if (f.answeredAt) return 'answered';
  if (f.openedAt) return 'opened';
  return 'sent';
}

export type CannotSend = NonNullable<CoursePreparationForm['cannotSend']>;

/**
 * Whether the contact person may send the form now: it prepares the initial needs assessment,
 * so not after one is recorded, not on a closed course, and once per course (then reminders).
 */
export function decideSend(f: { canWrite: boolean; closed: boolean; hasForm: boolean; hasInitial: boolean }): CannotSend | null {
  if (!f.canWrite) return 'no_write';
  if (f.closed) return 'course_closed';
  if (f.hasForm) return 'already_sent';
  if (f.hasInitial) return 'initial_assessment_exists';
  return null;
}

/** A reminder is for a form the citizen has not submitted, on an open course. */
export function decideRemind(f: { closed: boolean; answeredAt: string | null }): 'course_closed' | 'already_answered' | null {
  if (f.closed) return 'course_closed';
  if (f.answeredAt) return 'already_answered';
  return null;
}

export type CitizenAnswersInput = { scaleScore: number | null; problems: string[]; whatMattersMost: string | null };

/**
 * The citizen's answers against the item list: each ticked code an active item, once. Submitting
 * (final) needs the scale; saving on the way keeps whatever is there.
 */
export function checkCitizenAnswers(a: CitizenAnswersInput, activeItemCodes: ReadonlySet<string>, o: { final: boolean }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  a.problems.forEach((code, i) => {
    if (!activeItemCodes.has(code)) issues.push({ field: `problems[${i}]`, code: 'unknown_assessment_item', message: 'is not an active assessment item' });
    else if (seen.has(code)) issues.push({ field: `problems[${i}]`, code: 'duplicate', message: 'is listed twice' });
    seen.add(code);
  });
  if (o.final && a.scaleScore === null) issues.push({ field: 'scaleScore', code: 'required', message: 'is required to submit the form' });
  return issues;
}

/** Empty free text is no answer. */
export function normaliseAnswers(a: CitizenAnswersInput): CitizenAnswersInput {
  const text = a.whatMattersMost?.trim() ?? '';
  return { scaleScore: a.scaleScore, problems: a.problems, whatMattersMost: text.length > 0 ? text : null };
}

/**
 * The professional's initial needs assessment drafted from the citizen's submitted answers, while
 * the course has none: the professional reviews, completes and saves it as their own.
 */
export function draftFromAnswers(f: { answeredAt: string | null; scaleScore: number | null; problems: string[]; whatMattersMost: string | null } | null, hasInitial: boolean): NeedsAssessmentDraft | null {
  if (!f || !f.answeredAt || hasInitial) return null;
  return { occasion: 'initial', scaleScore: f.scaleScore, problems: f.problems.map((itemCode) => ({ itemCode })), whatMattersMost: f.whatMattersMost ?? '' };
}
