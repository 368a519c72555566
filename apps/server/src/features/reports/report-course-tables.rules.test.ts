import { describe, expect, it } from 'vitest';
import { indicators, type IndicatorInput } from './report-course-tables.rules.ts';
import { sourceGroups } from './report-period.rules.ts';

const nothing: IndicatorInput = {
  referred: 0,
  compareReferred: 0,
  referredOn: 0,
  compareReferredOn: 0,
  bySource: Object.fromEntries(sourceGroups.map((s) => [s, 0])) as IndicatorInput['bySource'],
  deadlines: { onTime: 0, onTimePaused: 0, late: 0, paused: 0, pending: 0, notApplicable: 0 },
  answers: { conversations: 0, satisfied: 0, satisfactionAnswered: 0, benefited: 0, benefitAnswered: 0 },
};

describe('the five indicators', () => {
  it('say "no data" for a period and comparison without any record (a new database), never "not met"', () => {
    expect(indicators(nothing, false).map((i) => i.status)).toEqual(['no_data', 'no_data', 'no_data', 'no_data', 'no_data']);
  });
  it('say "not met" for a real fall to nothing, and "met" for a rise from nothing', () => {
    const fell = indicators({ ...nothing, compareReferred: 12, compareReferredOn: 3 }, false);
    expect([fell[0]?.status, fell[2]?.status]).toEqual(['not_met', 'not_met']);
    const rose = indicators({ ...nothing, referred: 12, referredOn: 3 }, false);
    expect([rose[0]?.status, rose[2]?.status]).toEqual(['met', 'met']);
  });
});
