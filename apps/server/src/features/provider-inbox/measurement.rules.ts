import { numberIssue, standardTestRules, standardTestUnits, type StandardTest } from '@samkraft/contracts/measurements';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * The measurements outside their test's plausible range or precision, each named by its field.
 * The request schemas refuse them already; the service asks again, so no caller (the command
 * line, a future import) can store 785 kg.
 */
export function measurementIssues(tests: readonly { testCode: StandardTest; value: number }[], fieldOf: (index: number) => string): FieldIssue[] {
  return tests.flatMap((t, i) => {
    const rule = standardTestRules[t.testCode];
    const issue = numberIssue(t.value, rule);
    if (!issue) return [];
    const message = `must be ${rule.min}–${rule.max} ${standardTestUnits[t.testCode]} with at most ${rule.decimals} decimals`;
    return [{ field: fieldOf(i), code: issue.code, message, ...('params' in issue ? { params: issue.params } : {}) }];
  });
}
