import { describe, expect, it } from 'vitest';
import { measurementIssues } from './measurement.rules.ts';

describe('measurementIssues', () => {
  it('names each implausible measurement by its field, with the range its text needs', () => {
    const issues = measurementIssues(
      [
        { testCode: 'weight', value: 78.5 },
        { testCode: 'weight', value: 785 },
        { testCode: 'chair_stand_30s', value: 12.5 },
      ],
      (i) => `tests[${i}].value`,
    );
    expect(issues).toEqual([
      { field: 'tests[1].value', code: 'out_of_range', message: 'must be 20–300 kg with at most 1 decimals', params: { minimum: 20, maximum: 300 } },
      { field: 'tests[2].value', code: 'whole_number', message: 'must be 0–60 rejsninger with at most 0 decimals' },
    ]);
  });

  it('has nothing to say about plausible values', () => {
    expect(measurementIssues([{ testCode: 'six_minute_walk', value: 420 }, { testCode: 'grip_strength', value: 22.5 }], String)).toEqual([]);
  });
});
