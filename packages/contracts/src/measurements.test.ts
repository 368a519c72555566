import { describe, expect, it } from 'vitest';
import { deeperAssessmentBody } from './cross-referrals.ts';
import { measurementCorrectionBody, numberIssue, standardTestRules } from './measurements.ts';

describe('numberIssue', () => {
  it('keeps a value in range with the allowed decimals, edges included', () => {
    expect(numberIssue(78.5, standardTestRules.weight)).toBeNull();
    expect(numberIssue(20, standardTestRules.weight)).toBeNull();
    expect(numberIssue(300, standardTestRules.weight)).toBeNull();
    expect(numberIssue(0, standardTestRules.six_minute_walk)).toBeNull();
    // 78.5 * 10 is 785.0000000000001 in floating point: not a second decimal.
    expect(numberIssue(0.1 + 0.2, { min: 0, max: 1, decimals: 1 })).toBeNull();
  });

  it('refuses a lost decimal comma, a minus and a walk of 99,999 m', () => {
    expect(numberIssue(785, standardTestRules.weight)).toEqual({ code: 'out_of_range', params: { minimum: 20, maximum: 300 } });
    expect(numberIssue(-5, standardTestRules.six_minute_walk)).toEqual({ code: 'out_of_range', params: { minimum: 0, maximum: 1000 } });
    expect(numberIssue(99999, standardTestRules.six_minute_walk)).toEqual({ code: 'out_of_range', params: { minimum: 0, maximum: 1000 } });
    expect(numberIssue(Number.NaN, standardTestRules.grip_strength)?.code).toBe('out_of_range');
  });

  it('refuses decimals a measure does not have', () => {
    expect(numberIssue(12.5, standardTestRules.chair_stand_30s)).toEqual({ code: 'whole_number' });
    expect(numberIssue(78.55, standardTestRules.weight)).toEqual({ code: 'too_many_decimals', params: { decimals: 1 } });
  });
});

describe('the request schemas of measurements', () => {
  const body = { assessedOn: '2026-11-20', profession: 'physiotherapist', findings: 'x', goals: [] };

  it('refuses a value outside its test’s range on the value’s own path, with the range', () => {
    const r = deeperAssessmentBody.safeParse({ ...body, tests: [{ testCode: 'grip_strength', value: 30 }, { testCode: 'weight', value: 785 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.code, (i as { params?: unknown }).params])).toEqual([['tests.1.value', 'custom', { code: 'out_of_range', minimum: 20, maximum: 300 }]]);
    expect(deeperAssessmentBody.safeParse({ ...body, tests: [{ testCode: 'weight', value: 78.5 }] }).success).toBe(true);
  });

  it('checks a correction against the range of the test it corrects', () => {
    expect(measurementCorrectionBody.safeParse({ testCode: 'six_minute_walk', value: 1000, reason: 'Målt igen' }).success).toBe(true);
    expect(measurementCorrectionBody.safeParse({ testCode: 'six_minute_walk', value: 1001, reason: 'Målt igen' }).error?.issues[0]?.path).toEqual(['value']);
    expect(measurementCorrectionBody.safeParse({ testCode: 'weight', value: 80, reason: '' }).error?.issues[0]?.path).toEqual(['reason']);
  });
});
