import type { InterventionFields } from '@samkraft/contracts/catalogue';
import { AppError, type FieldIssue } from '../../platform/errors.ts';

/**
 * The checks an intervention must pass beyond its shape: the age range is a range, a team
 * intervention says whether it is rolling or a cohort, a follow-up belongs to a cohort, dose parts
 * are named once, and every target diagnosis is a code the catalogue knows. All issues at once, so
 * the form can mark every bad field in one round.
 */
export function interventionIssues(f: InterventionFields, isKnownDiagnosis: (prefix: string) => boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.targetMinAge !== null && f.targetMaxAge !== null && f.targetMaxAge < f.targetMinAge) {
    issues.push({ field: 'targetMaxAge', code: 'below_min_age', message: `must be at least targetMinAge ${f.targetMinAge}`, params: { minimum: f.targetMinAge } });
  }
  if (f.form !== 'individual' && f.teamMode === null) {
    issues.push({ field: 'teamMode', code: 'team_mode_required', message: 'a team intervention is either rolling or a cohort' });
  }
  if (f.form === 'individual' && f.teamMode !== null) {
    issues.push({ field: 'teamMode', code: 'invalid_value', message: 'an individual intervention has no team mode' });
  }
  if (f.cohortFollowUpWeeks !== null && f.teamMode !== 'cohort') {
    issues.push({ field: 'cohortFollowUpWeeks', code: 'cohort_only', message: 'a follow-up session belongs to a cohort team' });
  }
  const seenParts = new Set<string>();
  f.dose.forEach((d, i) => {
    if (seenParts.has(d.part)) issues.push({ field: `dose[${i}].part`, code: 'duplicate', message: `dose part ${d.part} is named twice` });
    seenParts.add(d.part);
  });
  (f.targetDiagnoses ?? []).forEach((code, i) => {
    if (!isKnownDiagnosis(code)) issues.push({ field: `targetDiagnoses[${i}]`, code: 'unknown_diagnosis', message: `${code} is not a known cancer diagnosis code`, params: { code } });
  });
  return issues;
}

export function checkIntervention(f: InterventionFields, isKnownDiagnosis: (prefix: string) => boolean): void {
  const issues = interventionIssues(f, isKnownDiagnosis);
  if (issues.length > 0) throw AppError.validation(issues);
}

/**
 * A target diagnosis is a prefix of ICD-10 codes (`DC50` matches `DC509`). It is known when it
 * narrows a catalogued three-character code (`DC509` → `DC50`) or covers at least one (`DC5` →
 * `DC50`…`DC59`). Lists are de-duplicated keeping their order, so a double entry is not stored.
 */
export function knownDiagnosisCheck(catalogued: readonly string[]): (prefix: string) => boolean {
  return (prefix) => catalogued.some((code) => code.startsWith(prefix) || prefix.startsWith(code));
}

export function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
