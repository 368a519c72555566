import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { danishDateOf } from './danishDate.ts';

describe('danishDateOf', () => {
  it('gives the Danish day of an instant at 00:30 Copenhagen time in winter (23:30 UTC the day before)', () => {
    expect(danishDateOf('2027-01-10T23:30:00.000Z')).toBe('2027-01-11');
    expect(danishDateOf(new Date('2027-01-10T23:30:00Z'))).toBe('2027-01-11');
    // 23:59 Copenhagen is still the same day.
    expect(danishDateOf('2027-01-10T22:59:00Z')).toBe('2027-01-10');
  });

  it('gives the Danish day at 00:30 in summer time (22:30 UTC the day before)', () => {
    expect(danishDateOf('2027-06-30T22:30:00Z')).toBe('2027-07-01');
    expect(danishDateOf('2027-06-30T21:59:00Z')).toBe('2027-06-30');
  });

  it('follows the switch to and from summer time', () => {
    // 28 March 2027: clocks go 02:00 → 03:00; 00:30 is still UTC+1.
    expect(danishDateOf('2027-03-27T23:30:00Z')).toBe('2027-03-28');
    // 31 October 2027: 00:30 is still UTC+2.
    expect(danishDateOf('2027-10-30T22:30:00Z')).toBe('2027-10-31');
  });
});

/*
 * Every instant the web shows as a day goes through `danishDateOf`. Cutting an ISO timestamp's
 * text gives the UTC day, a day early in the first hour or two of the Danish day.
 */
describe('no date cut from an instant in the web app', () => {
  const src = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const cut = /\.(slice|substring|substr)\(\s*0\s*,\s*10\s*\)|toISOString\(\)\s*\.\s*(slice|substring|split)|split\(\s*['"]T['"]\s*\)/;

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('cuts no timestamp text to a date', () => {
    const found = files.flatMap((f) =>
      readFileSync(join(src, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (cut.test(line) ? [`${relative(src, join(src, f))}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
