import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { citizenSignInUrl } from '../../features/borger/api/borgerApi.ts';

/** Where the identity provider sends the citizen after signing out there too. */
export function CitizenSignedOutPage() {
  const { t } = useTranslation('borger');
  useCitizenPageTitle(t('signedOut.title'));
  return (
    <>
      <h1>{t('signedOut.title')}</h1>
      <p className="font-lead">{t('signedOut.body')}</p>
      <p>
        <a className="button button-secondary" href={citizenSignInUrl}>
          {t('signedOut.again')}
        </a>
      </p>
    </>
  );
}
