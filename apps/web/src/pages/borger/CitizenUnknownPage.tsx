import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { citizenSignInUrl } from '../../features/borger/api/borgerApi.ts';

/** A person signed in with MitID whom Samkraft does not know: said plainly, and no account is made. */
export function CitizenUnknownPage() {
  const { t } = useTranslation('borger');
  useCitizenPageTitle(t('unknown.title'));
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
