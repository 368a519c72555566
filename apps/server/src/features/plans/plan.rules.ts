import type { FieldIssue } from '../../platform/errors.ts';

export type PlanDateFacts = {
  version: number;
  today: string;
  agreedOn: string;
  evaluationOn: string;
  firstFollowUpOn: string;
  goalTargets: (string | null | undefined)[];
  revisionReason: string | null | undefined;
};

/**
 * What the schema cannot check: the dates against each other and today, and that a revision
 * (every version after the first) says why the plan changed — versions are kept to show that.
 */
export function checkPlanInput(f: PlanDateFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.agreedOn > f.today) issues.push({ field: 'agreedOn', code: 'future_date', message: 'must not be in the future' });
  if (f.firstFollowUpOn < f.agreedOn) issues.push({ field: 'firstFollowUpOn', code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  if (f.evaluationOn < f.agreedOn) issues.push({ field: 'evaluationOn', code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  f.goalTargets.forEach((t, i) => {
    if (t && t < f.agreedOn) issues.push({ field: `goals[${i}].targetOn`, code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  });
  if (f.version > 1 && !f.revisionReason?.trim()) issues.push({ field: 'revisionReason', code: 'required', message: 'is required when the plan is revised' });
  return issues;
}

/** Danish calendar date as the citizen reads it: 4. marts 2026. */
export function danishLongDate(iso: string): string {
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}. ${months[m - 1] ?? ''} ${y}`;
}
