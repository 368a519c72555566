import { describe, expect, it } from 'vitest';
import { telHref } from './telHref.ts';

describe('telHref', () => {
  it('dials a Danish number as written by staff', () => {
    expect(telHref('39 57 51 23')).toBe('tel:+4539575123');
    expect(telHref('+45 44 77 00 00')).toBe('tel:+4544770000');
  });
});
