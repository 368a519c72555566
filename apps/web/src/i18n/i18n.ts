import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, languageStorageKey, resolveLanguage } from './language.ts';
import { resources } from './resources.ts';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

export async function initI18n(): Promise<void> {
  const language = resolveLanguage(readStoredLanguage());
  i18next.on('languageChanged', (lng) => applyLanguage(resolveLanguage(lng)));
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'da',
    supportedLngs: ['da', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
}
