import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { danishDate, fileClock } from './clock.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-clock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fileClock', () => {
  it('reads the instant anew on every call, so a journey can move time forward', () => {
    const file = path.join(dir, 'now.txt');
    fs.writeFileSync(file, '2027-01-11T08:00:00Z\n');
    const clock = fileClock(file);
    expect(clock.now().toISOString()).toBe('2027-01-11T08:00:00.000Z');
    fs.writeFileSync(file, '2027-02-01T23:30:00Z');
    expect(clock.now().toISOString()).toBe('2027-02-01T23:30:00.000Z');
    // 23:30 UTC on 1 February is already 2 February in Denmark.
    expect(danishDate(clock.now())).toBe('2027-02-02');
  });
  it('refuses a file without an ISO instant instead of falling back to the real time', () => {
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, 'next Monday');
    expect(() => fileClock(file).now()).toThrow(/does not hold an ISO 8601 instant/);
    expect(() => fileClock(path.join(dir, 'missing.txt')).now()).toThrow(/ENOENT/);
  });
});

describe('startOfDanishDay', () => {
  it('is 23:00 UTC the day before in winter, 22:00 in summer, and right on the days the clocks change', async () => {
    const { startOfDanishDay, danishDate } = await import('./clock.ts');
    expect(startOfDanishDay('2026-12-05').toISOString()).toBe('2026-12-04T23:00:00.000Z');
    expect(startOfDanishDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // Summer time begins at 01:00 UTC on 29 March 2026, ends on 25 October 2026.
    expect(startOfDanishDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDanishDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    for (const d of ['2026-03-29', '2026-10-25', '2027-01-01']) {
      const start = startOfDanishDay(d);
      expect(danishDate(start)).toBe(d);
      expect(danishDate(new Date(start.getTime() - 1))).not.toBe(d);
    }
  });
});
