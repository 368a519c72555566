import type { AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { FieldIssue } from '../../platform/errors.ts';

export type AssessmentInputFacts = {
  occasion: AssessmentOccasion;
  assessedOn: string;
  itemCodes: string[];
  today: string;
  activeItemCodes: ReadonlySet<string>;
  hasInitial: boolean;
};

/**
 * Input problems a schema cannot see: dates against today, item codes against the item list.
 * A second initial assessment is a conflict, decided separately (see `isSecondInitial`).
 */
export function checkAssessmentInput(f: AssessmentInputFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.assessedOn > f.today) issues.push({ field: 'assessedOn', code: 'future_date', message: 'must not be in the future' });
  const seen = new Set<string>();
  f.itemCodes.forEach((code, i) => {
    if (!f.activeItemCodes.has(code)) issues.push({ field: `problems[${i}].itemCode`, code: 'unknown_assessment_item', message: 'is not an active assessment item' });
    else if (seen.has(code)) issues.push({ field: `problems[${i}].itemCode`, code: 'duplicate', message: 'is listed twice' });
    seen.add(code);
  });
  // Change is measured against the baseline, so a change or end assessment needs an initial one.
  if (f.occasion !== 'initial' && !f.hasInitial) issues.push({ field: 'occasion', code: 'initial_required', message: 'an initial assessment must be recorded first' });
  return issues;
}

export function isSecondInitial(occasion: AssessmentOccasion, hasInitial: boolean): boolean {
  return occasion === 'initial' && hasInitial;
}
