import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenSignInUrl } from '../../features/borger/api/borgerApi.ts';

/** A person signed in with MitID whom Samkraft does not know: said plainly, and no account is made. */
export function CitizenUnknownPage() {
  const { t } = useTranslation('borger');
  useEffect(() => {
    document.title = `${t('unknown.title')} – ${t('appName')}`;
  }, [t]);
  return (
    <>
      <h1>{t('unknown.title')}</h1>
      <p className="font-lead">{t('unknown.body')}</p>
      <p>{t('unknown.contact')}</p>
      <p>
        <a className="button button-secondary" href={citizenSignInUrl}>
          {t('unknown.again')}
        </a>
      </p>
    </>
  );
}
