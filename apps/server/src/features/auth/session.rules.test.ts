import { describe, expect, it } from 'vitest';
import { hashToken, isExpired, newToken, safeEqual, sessionTimes, shouldTouch } from './session.rules.ts';

describe('session rules', () => {
  it('makes unguessable tokens and stores only their hash', () => {
    const a = newToken();
    expect(a).not.toBe(newToken());
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('expires on idle or absolute limit, whichever comes first', () => {
    const t = sessionTimes(new Date('2026-01-01T08:00:00Z'), { idleMinutes: 30, maxHours: 12 });
    expect(isExpired(t, new Date('2026-01-01T08:29:59Z'))).toBe(false);
    expect(isExpired(t, new Date('2026-01-01T08:30:00Z'))).toBe(true);
    expect(isExpired({ ...t, idleExpiresAt: new Date('2026-01-02T00:00:00Z') }, new Date('2026-01-01T20:00:00Z'))).toBe(true);
  });
  it('touches at most once a minute', () => {
    expect(shouldTouch(new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T08:00:59Z'))).toBe(false);
    expect(shouldTouch(new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T08:01:00Z'))).toBe(true);
  });
  it('compares tokens in constant time, and unequal lengths as unequal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
