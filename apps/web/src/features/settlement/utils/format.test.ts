import { describe, expect, it } from 'vitest';
import { formatKr, formatShare, yearBefore } from './format.ts';

describe('settlement formats', () => {
  it('formats kroner and shares in the UI language', () => {
    expect(formatKr(1234.5, 'da')).toBe('1.234,50');
    expect(formatKr(-100, 'en')).toBe('-100.00');
    expect(formatShare(0.125, 'da')).toBe('12,5 %');
    expect(formatShare(null, 'da')).toBe('–');
  });
  it('starts the default period a year before today', () => {
    expect(yearBefore('2026-12-06')).toBe('2025-12-06');
    expect(yearBefore('2028-02-29')).toBe('2027-03-01');
  });
});
