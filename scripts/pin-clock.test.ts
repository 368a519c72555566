import { describe, expect, it } from 'vitest';
import { installPinnedClock, pinnedClockInitScript, pinnedOffsetMs } from './pin-clock.mjs';

describe('the pinned clock of a test run', () => {
  it('is off unless SAMKRAFT_TEST_NOW is set, and refuses what is not an instant', () => {
    expect(pinnedOffsetMs({})).toBeUndefined();
    expect(pinnedClockInitScript({})).toBeUndefined();
    expect(() => pinnedOffsetMs({ SAMKRAFT_TEST_NOW: '31-12-2026' })).toThrow(/ISO 8601 instant/);
    expect(() => pinnedOffsetMs({ SAMKRAFT_TEST_NOW: '2026-12-31T10:00:00Z', SAMKRAFT_TEST_NOW_FROM: 'soon' })).toThrow(/epoch milliseconds/);
    expect(pinnedOffsetMs({ SAMKRAFT_TEST_NOW: '2026-12-31T10:00:00Z', SAMKRAFT_TEST_NOW_FROM: String(Date.UTC(2026, 11, 4)) })).toBe(27 * 86_400_000 + 10 * 3_600_000);
  });

  it('moves "now" and nothing else, keeps running, and leaves Date usable as Date', () => {
    const scope = { Date } as unknown as typeof globalThis;
    const offset = Date.UTC(2027, 1, 28, 23, 30) - Date.now();
    installPinnedClock(offset, scope);
    installPinnedClock(offset * 2, scope); // a second install changes nothing
    const Pinned = scope.Date;
    const now = new Pinned();
    expect(Math.abs(now.getTime() - Date.UTC(2027, 1, 28, 23, 30))).toBeLessThan(5_000);
    expect(Math.abs(Pinned.now() - now.getTime())).toBeLessThan(5_000);
    expect(new Pinned(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new Pinned('2020-05-01T00:00:00Z').getTime()).toBe(Date.UTC(2020, 4, 1));
    expect(Pinned.UTC(2020, 0, 1)).toBe(Date.UTC(2020, 0, 1));
    expect(now instanceof Date && now instanceof Pinned).toBe(true);
    expect(typeof (Pinned as unknown as () => string)()).toBe('string');
    class Sub extends Pinned {}
    expect(Math.abs(new Sub().getTime() - now.getTime())).toBeLessThan(5_000);
    expect(new Sub() instanceof Sub).toBe(true);
  });

  it('gives a browser the same clock as source text', () => {
    const script = pinnedClockInitScript({ SAMKRAFT_TEST_NOW: '2027-03-28T00:45:00Z', SAMKRAFT_TEST_NOW_FROM: String(Date.now()) });
    const scope = { Date };
    // What addInitScript does in the page: run the source, here with `globalThis` as the scope.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('globalThis', script ?? '')(scope);
    expect(Math.abs(new scope.Date().getTime() - Date.UTC(2027, 2, 28, 0, 45))).toBeLessThan(5_000);
  });
});
