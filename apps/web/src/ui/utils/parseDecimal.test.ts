import { numberIssue, standardTestRules } from '@samkraft/contracts/measurements';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './parseDecimal.ts';

const weight = standardTestRules.weight;
const walk = standardTestRules.six_minute_walk;

describe('parseDecimal', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseDecimal('78,5', weight)).toEqual({ ok: true, value: 78.5 });
    expect(parseDecimal('78.5', weight)).toEqual({ ok: true, value: 78.5 });
    expect(parseDecimal(' 78,5 ', weight)).toEqual({ ok: true, value: 78.5 });
    expect(parseDecimal('1,50', { decimals: 2 })).toEqual({ ok: true, value: 1.5 });
    expect(parseDecimal(',5', { decimals: 1 })).toEqual({ ok: true, value: 0.5 });
    expect(parseDecimal('', weight)).toEqual({ ok: true, value: null });
  });

  it('refuses, never clamps or strips: -5 is not 0, 99,999 m is not a walk', () => {
    expect(parseDecimal('-5', walk)).toEqual({ ok: false, issue: { code: 'out_of_range', params: { minimum: 0, maximum: 1000 } } });
    expect(parseDecimal('−5', walk)).toEqual({ ok: false, issue: { code: 'out_of_range', params: { minimum: 0, maximum: 1000 } } });
    expect(parseDecimal('99,999', walk)).toEqual({ ok: false, issue: { code: 'whole_number' } });
    expect(parseDecimal('99999', walk)).toEqual({ ok: false, issue: { code: 'out_of_range', params: { minimum: 0, maximum: 1000 } } });
    expect(parseDecimal('785', weight)).toEqual({ ok: false, issue: { code: 'out_of_range', params: { minimum: 20, maximum: 300 } } });
  });

  it('refuses digit grouping and anything that is not one number', () => {
    for (const text of ['1.000,5', '1 000', '78,5,1', '78 kg', 'abc', '-', ',', '1e3']) expect(parseDecimal(text, { decimals: 2 }), text).toEqual({ ok: false, issue: { code: 'not_a_number' } });
    // "1.000" in Danish is a thousand: refused, not read as 1.
    expect(parseDecimal('1.000', { decimals: 2 })).toEqual({ ok: false, issue: { code: 'too_many_decimals', params: { decimals: 2 } } });
    expect(parseDecimal('1.000', { decimals: 0 })).toEqual({ ok: false, issue: { code: 'whole_number' } });
  });

  it('says which bound when only one is set', () => {
    expect(parseDecimal('0', { min: 1, decimals: 0 })).toEqual({ ok: false, issue: { code: 'too_small', params: { minimum: 1 } } });
    expect(parseDecimal('201', { max: 200, decimals: 0 })).toEqual({ ok: false, issue: { code: 'too_big', params: { maximum: 200 } } });
  });

  it('agrees with the server on every measure', () => {
    for (const [code, rule] of Object.entries(standardTestRules)) {
      for (const text of ['-1', '0', '0,5', '12', '12,25', '20', '60', '61', '78,5', '100', '100,5', '300', '301', '1000', '1001']) {
        const parsed = parseDecimal(text, rule);
        const server = numberIssue(Number(text.replace(',', '.')), rule);
        expect(parsed.ok ? null : parsed.issue, `${code} ${text}`).toEqual(server);
      }
    }
  });
});

describe('formatDecimal', () => {
  it('writes a decimal comma in Danish and a point in English', () => {
    expect(formatDecimal(78.5, 'da')).toBe('78,5');
    expect(formatDecimal(78.5, 'en')).toBe('78.5');
    expect(formatDecimal(1000, 'da')).toBe('1000');
  });
});
