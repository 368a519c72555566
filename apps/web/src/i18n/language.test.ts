import { describe, expect, it } from 'vitest';
import { isLanguage, localeOf, resolveLanguage } from './language.ts';

describe('resolveLanguage', () => {
  it('defaults to Danish', () => {
    expect(resolveLanguage(null)).toBe('da');
    expect(resolveLanguage(undefined)).toBe('da');
    expect(resolveLanguage('de')).toBe('da');
  });
  it('keeps a remembered supported language', () => {
    expect(resolveLanguage('en')).toBe('en');
    expect(resolveLanguage('da')).toBe('da');
  });
});

describe('isLanguage / localeOf', () => {
  it('knows the supported languages and their locales', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage(1)).toBe(false);
    expect(localeOf('da')).toBe('da-DK');
    expect(localeOf('en')).toBe('en-GB');
  });
});
