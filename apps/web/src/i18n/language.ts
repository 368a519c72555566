import { isOneOf } from '@samkraft/contracts/common';
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'da';
export const languageStorageKey = 'samkraft.language';

export function isLanguage(value: unknown): value is Language {
  return isOneOf(languages, value);
}

/** The language to start in: the remembered choice when valid, otherwise Danish. */
export function resolveLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : defaultLanguage;
}

/** The BCP 47 locale used for Intl formatting of each UI language. */
export function localeOf(language: Language): string {
  return language === 'da' ? 'da-DK' : 'en-GB';
}
