import { describe, expect, it } from 'vitest';
import { indicators, indicatorTable, type IndicatorInput } from './report-course-tables.rules.ts';
import { NO_ANSWERS } from './report-courses.repository.ts';
import { sourceGroups } from './report-period.rules.ts';

const nothing: IndicatorInput = {
  referred: 0,
  compareReferred: 0,
  referredOn: 0,
  compareReferredOn: 0,
  bySource: Object.fromEntries(sourceGroups.map((s) => [s, 0])) as IndicatorInput['bySource'],
  deadlines: { onTime: 0, onTimePaused: 0, late: 0, paused: 0, pending: 0, notApplicable: 0 },
  answers: NO_ANSWERS,
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

describe('indicators 4 and 5 from both sources (issue 13.5)', () => {
  const answers = { ...NO_ANSWERS, conversations: 14, satisfactionAnswered: 12, satisfied: 9, benefitAnswered: 11, benefited: 6, satisfactionByCitizen: 7, benefitByCitizen: 3 };
  it('count every answer and say how many the citizens gave themselves', () => {
    const list = indicators({ ...nothing, answers }, false);
    expect(list.map((i) => [i.number, i.basis, i.citizenAnswers])).toEqual([[1, null, null], [2, 0, null], [3, null, null], [4, 12, 7], [5, 11, 3]]);
    const rows = indicatorTable(list, { ...nothing, answers }, false).rows.filter((r) => r.key.endsWith('_citizen'));
    expect(rows.map((r) => [r.key, r.cells[0], r.suppressed[0]])).toEqual([['indicator_4_citizen', 7, false], ['indicator_5_citizen', 3, false]]);
  });
  it('hide the citizens’ count for publication when it or the staff’s rest is under five', () => {
    const list = indicators({ ...nothing, answers }, true);
    // 4: 7 by citizens, 5 by staff — both shown; 5: 3 by citizens — hidden.
    expect(list.map((i) => [i.number, i.basis, i.citizenAnswers])).toEqual([[1, null, null], [2, 0, null], [3, null, null], [4, 12, 7], [5, 11, null]]);
    const staffFew = indicators({ ...nothing, answers: { ...answers, satisfactionByCitizen: 9 } }, true);
    expect(staffFew[3]?.citizenAnswers).toBeNull();
    const rows = indicatorTable(list, { ...nothing, answers }, true).rows.filter((r) => r.key.endsWith('_citizen'));
    expect(rows.map((r) => [r.key, r.cells[0], r.suppressed[0]])).toEqual([['indicator_4_citizen', 7, false], ['indicator_5_citizen', null, true]]);
  });
});
