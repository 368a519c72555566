import { describe, expect, it } from 'vitest';
import { sumMunicipalityCounts } from './totals.ts';

describe('sumMunicipalityCounts', () => {
  it('adds up every column', () => {
    const row = (code: string, n: number) => ({
      municipality: { code, name: code },
      referrals: n,
      openCourses: n * 2,
      referredToOthers: n * 3,
      receivedFromOthers: n * 4,
    });
    expect(sumMunicipalityCounts([row('0151', 1), row('0163', 10)])).toEqual({
      referrals: 11,
      openCourses: 22,
      referredToOthers: 33,
      receivedFromOthers: 44,
    });
  });
  it('is all zeros for no rows', () => {
    expect(sumMunicipalityCounts([])).toEqual({ referrals: 0, openCourses: 0, referredToOthers: 0, receivedFromOthers: 0 });
  });
});
