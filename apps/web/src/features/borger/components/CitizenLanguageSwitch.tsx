import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';

/** Dansk / English as two plain buttons, the current one pressed; each named in its own language. */
export function CitizenLanguageSwitch() {
  const { t } = useTranslation('borger');
  const { language, setLanguage } = useLanguage();
  return (
    <div className="samkraft-borger-language" role="group" aria-label={t('language.label')}>
      {(['da', 'en'] as const).map((lng) => (
        <button key={lng} type="button" lang={lng} className="button button-tertiary" aria-pressed={language === lng} onClick={() => setLanguage(lng)}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
