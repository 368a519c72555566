import { describe, expect, it } from 'vitest';
import { containsPattern, parseCitizenSearch } from './citizen-search.rules.ts';

describe('parseCitizenSearch', () => {
  it('reads a CPR number with or without the dash, and a replacement CPR', () => {
    expect(parseCitizenSearch('020160-9995')).toEqual({ by: 'cpr', cpr: '0201609995' });
    expect(parseCitizenSearch(' 0201609995 ')).toEqual({ by: 'cpr', cpr: '0201609995' });
    expect(parseCitizenSearch('020160-ab12')).toEqual({ by: 'cpr', cpr: '020160AB12' });
  });

  it('refuses digits that are not a whole CPR number', () => {
    expect(parseCitizenSearch('020160')).toMatchObject({ code: 'invalid_format' });
    expect(parseCitizenSearch('020160-99')).toMatchObject({ code: 'invalid_format' });
  });

  it('reads words of a name as case-insensitive parts, wildcards taken literally', () => {
    expect(parseCitizenSearch('Einer  LAURID')).toEqual({ by: 'name', patterns: ['%einer%', '%laurid%'] });
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('refuses a name of one character', () => {
    expect(parseCitizenSearch('a')).toMatchObject({ code: 'too_short' });
  });
});
