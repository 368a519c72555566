import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the document after the citizen page ("Mit forløb – Samkraft for borgere"), so each page is announced by name. */
export function useCitizenPageTitle(title: string): void {
  const { t } = useTranslation('borger');
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
}
