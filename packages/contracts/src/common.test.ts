import { describe, expect, it } from 'vitest';
import { isoDate, municipalityCode, text, isoInstant } from './common.ts';

describe('municipalityCode', () => {
  it('stores the 4-digit form and accepts 3-digit input', () => {
    expect(municipalityCode.parse('151')).toBe('0151');
    expect(municipalityCode.parse('0151')).toBe('0151');
    expect(municipalityCode.parse(' 240 ')).toBe('0240');
    expect(municipalityCode.parse('851')).toBe('0851');
  });
  it('refuses anything else', () => {
    for (const bad of ['', '15', '01511', 'abc', '15a']) expect(municipalityCode.safeParse(bad).success).toBe(false);
  });
});

describe('isoDate', () => {
  it('takes a real calendar date', () => {
    for (const good of ['2017-02-28', '2016-02-29', '0001-01-01', '9999-12-31']) expect(isoDate.safeParse(good).success, good).toBe(true);
  });
  it('refuses a date PostgreSQL would refuse, with the code invalid_date', () => {
    for (const bad of ['2017-02-30', '2017-13-01', '2017-00-10', '2019-02-29', '0000-01-01']) {
      const parsed = isoDate.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'invalid_date' } });
    }
  });
});

describe('text', () => {
  it('refuses the NUL character and lone surrogates, which PostgreSQL cannot store', () => {
    expect(text.safeParse('en note 😀 æøå').success).toBe(true);
    for (const broken of ['\uD800', 'a\uDC00', '😀\uD83D']) expect(text.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    expect(text.safeParse('a\u0000b').error?.issues[0]).toMatchObject({ params: { code: 'invalid_characters' } });
    expect(text.max(3).safeParse('\u0000').success).toBe(false);
  });
});

describe('isoInstant', () => {
  it('takes an instant with Z or a real offset', () => {
    for (const good of ['2026-11-23T09:30:00Z', '2026-11-23T09:30:00+01:00', '2026-06-30T23:59:59.123-14:00']) expect(isoInstant.safeParse(good).success, good).toBe(true);
  });
  it('refuses what PostgreSQL cannot store: an offset past ±14:00, a far year, a day not in its month', () => {
    for (const bad of ['9600-02-29T23:28:14+23:14', '2026-11-23T09:30:00+15:00', '9600-02-28T10:00:00Z', '2017-02-30T10:00:00Z', '2026-11-23']) {
      expect(isoInstant.safeParse(bad).success, bad).toBe(false);
    }
  });
});
