import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './formatDate.ts';

describe('formatDate', () => {
  it('formats Danish style d. M. yyyy', () => {
    expect(formatDate('2025-03-04')).toBe('4. 3. 2025');
    expect(formatDate('2017-12-31', 'da')).toBe('31. 12. 2017');
  });
  it('formats English with a short month name', () => {
    expect(formatDate('2025-03-04', 'en')).toBe('4 Mar 2025');
  });
  it('returns what it cannot read unchanged', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('2025-02-30')).toBe('2025-02-30');
    expect(formatDate('4/3/2025')).toBe('4/3/2025');
  });
});

describe('formatNumber', () => {
  it('groups digits per language', () => {
    expect(formatNumber(25321)).toBe('25.321');
    expect(formatNumber(25321, 'en')).toBe('25,321');
  });
});
