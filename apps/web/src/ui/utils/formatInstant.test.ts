import { describe, expect, it } from 'vitest';
import { formatInstant } from './formatInstant.ts';

describe('formatInstant', () => {
  it('shows the Danish clock, summer and winter, whatever the browser’s zone', () => {
    expect(formatInstant('2026-12-05T13:03:00Z', 'da')).toBe('5. 12. 2026 kl. 14.03');
    expect(formatInstant('2026-07-01T22:30:00Z', 'da')).toBe('2. 7. 2026 kl. 00.30');
    expect(formatInstant('2026-12-05T13:03:00Z', 'en')).toBe('5 Dec 2026, 14:03');
  });
  it('returns what is not an instant unchanged', () => {
    expect(formatInstant('not a time')).toBe('not a time');
  });
});
