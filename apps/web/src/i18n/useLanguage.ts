import { useTranslation } from 'react-i18next';
import { type Language, resolveLanguage } from './language.ts';

/** The current UI language and a setter that also remembers the choice. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  return {
    language: resolveLanguage(i18n.resolvedLanguage ?? i18n.language),
    setLanguage: (language) => void i18n.changeLanguage(language),
  };
}
