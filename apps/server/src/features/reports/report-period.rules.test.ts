import { describe, expect, it } from 'vitest';
import { ageBandOf, ageOn, checkPeriods, covers, halfYearsOf, quartersOf, sourceGroupOf, yearFraction } from './report-period.rules.ts';
import { periodLabel } from './report-table.rules.ts';

describe('report periods and counting conventions', () => {
  it('takes age in whole years on the day of receipt, into the three bands', () => {
    expect(ageOn('1977-07-01', '2017-06-30')).toBe(39);
    expect(ageOn('1977-07-01', '2017-07-01')).toBe(40);
    expect(ageOn('1972-02-29', '2017-02-28')).toBe(44);
    expect([17, 18, 39, 40].map(ageBandOf)).toEqual(['0-17', '18-39', '18-39', '40+']);
  });

  it("gathers municipal, self and other as the report's 'other'", () => {
    expect(['gp', 'hospital_gop', 'hospital_ref01', 'municipal', 'self', 'other'].map(sourceGroupOf)).toEqual(['gp', 'hospital_gop', 'hospital_ref01', 'other', 'other', 'other']);
  });

  it('cuts half-years and quarters to the period', () => {
    expect(halfYearsOf({ from: '2016-10-01', to: '2017-03-31' })).toEqual([
      { from: '2016-10-01', to: '2016-12-31', label: '2. halvår 2016' },
      { from: '2017-01-01', to: '2017-03-31', label: '1. halvår 2017' },
    ]);
    expect(quartersOf({ from: '2017-02-15', to: '2017-07-01' }).map((q) => [q.key, q.from, q.to])).toEqual([
      ['2017-Q1', '2017-02-15', '2017-03-31'],
      ['2017-Q2', '2017-04-01', '2017-06-30'],
      ['2017-Q3', '2017-07-01', '2017-07-01'],
    ]);
  });

  it('measures a period in years (a leap year is still one)', () => {
    expect(yearFraction({ from: '2016-01-01', to: '2016-12-31' })).toBe(1);
    expect(yearFraction({ from: '2017-01-01', to: '2017-06-30' })).toBe(181 / 365);
  });

  it('names periods the way the report does', () => {
    expect(periodLabel({ from: '2017-01-01', to: '2017-12-31' })).toBe('2017');
    expect(periodLabel({ from: '2017-07-01', to: '2017-12-31' })).toBe('2. halvår 2017');
    expect(periodLabel({ from: '2017-10-01', to: '2017-12-31' })).toBe('4. kvt. 2017');
    expect(periodLabel({ from: '2017-02-01', to: '2017-03-15' })).toBe('1.2.2017–15.3.2017');
  });

  it('refuses an end before the start, a period over ten years, and half a comparison', () => {
    expect(checkPeriods({ from: '2017-02-01', to: '2017-01-31' }).map((i) => [i.field, i.code])).toEqual([['to', 'before_start']]);
    expect(checkPeriods({ from: '2010-01-01', to: '2020-01-01' }).map((i) => [i.field, i.code])).toEqual([['to', 'period_too_long']]);
    expect(checkPeriods({ from: '2017-01-01', to: '2017-12-31', compareTo: '2016-12-31' }).map((i) => [i.field, i.code])).toEqual([['compareFrom', 'required']]);
    expect(checkPeriods({ from: '2017-01-01', to: '2017-12-31', compareFrom: '2016-01-01', compareTo: '2016-12-31' })).toEqual([]);
  });
});

describe('covers', () => {
  it('holds when every day of the inner period is in the outer one', () => {
    const year = { from: '2024-01-01', to: '2024-12-31' };
    expect(covers(year, { from: '2024-01-01', to: '2024-06-30' })).toBe(true);
    expect(covers(year, year)).toBe(true);
    expect(covers(year, { from: '2023-12-31', to: '2024-06-30' })).toBe(false);
    expect(covers(year, { from: '2024-07-01', to: '2025-01-01' })).toBe(false);
  });
});
