import { describe, expect, it } from 'vitest';
import { checkPlanInput, danishLongDate } from './plan.rules.ts';

const base = { version: 1, today: '2026-11-22', agreedOn: '2026-11-20', evaluationOn: '2027-02-01', firstFollowUpOn: '2026-11-20', goalTargets: [null], revisionReason: null };

describe('plan input', () => {
  it('accepts a first follow-up on the agreed date', () => expect(checkPlanInput(base)).toEqual([]));
  it('names dates out of order and a future agreed date', () => {
    expect(checkPlanInput({ ...base, agreedOn: '2026-11-23', firstFollowUpOn: '2026-11-22', evaluationOn: '2026-11-01', goalTargets: ['2026-11-01'] }).map((i) => i.field)).toEqual([
      'agreedOn',
      'firstFollowUpOn',
      'evaluationOn',
      'goals[0].targetOn',
    ]);
  });
  it('needs a reason from version 2', () => {
    expect(checkPlanInput({ ...base, version: 2, revisionReason: '  ' }).map((i) => i.field)).toEqual(['revisionReason']);
    expect(checkPlanInput({ ...base, version: 2, revisionReason: 'Ny situation' })).toEqual([]);
  });
  it('writes dates the Danish way', () => expect(danishLongDate('2027-02-04')).toBe('4. februar 2027'));
});
