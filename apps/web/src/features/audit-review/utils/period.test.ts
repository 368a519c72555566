import { describe, expect, it } from 'vitest';
import { daysBefore } from './period.ts';
import { queryString } from './queryString.ts';

describe('the review page’s small helpers', () => {
  it('counts whole days back across months and years', () => {
    expect(daysBefore('2026-12-06', 30)).toBe('2026-11-06');
    expect(daysBefore('2026-01-10', 10)).toBe('2025-12-31');
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
  });
  it('writes only the defined filters into the query', () => {
    expect(queryString({ from: '2026-11-01', userId: undefined, action: '', format: 'csv' })).toBe('?from=2026-11-01&format=csv');
    expect(queryString({})).toBe('');
  });
});
