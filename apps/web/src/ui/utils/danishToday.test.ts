import { describe, expect, it } from 'vitest';
import { danishToday } from './danishToday.ts';

describe('danishToday', () => {
  it('gives the Danish date, not the UTC date, around midnight', () => {
    expect(danishToday(new Date('2027-01-10T22:30:00Z'))).toBe('2027-01-10');
    expect(danishToday(new Date('2027-01-10T23:30:00Z'))).toBe('2027-01-11');
    // Summer time: UTC+2.
    expect(danishToday(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});
