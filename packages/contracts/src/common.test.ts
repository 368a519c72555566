import { describe, expect, it } from 'vitest';
import { municipalityCode } from './common.ts';

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
