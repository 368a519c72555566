import { citizenSignInErrors, type CitizenSignInError } from '@samkraft/contracts/borger';
import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { citizenSignInUrl } from '../../features/borger/api/borgerApi.ts';

export type CitizenSignInPageProps = { error?: string | undefined };

const isSignInError = (v: string | undefined): v is CitizenSignInError => (citizenSignInErrors as readonly string[]).includes(v ?? '');

/** The citizen's way in: a link to the server, which sends the browser on to MitID (the identity provider). */
export function CitizenSignInPage({ error }: CitizenSignInPageProps) {
  const { t } = useTranslation('borger');
  useCitizenPageTitle(t('signIn.title'));
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {isSignInError(error) ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t(`signIn.errors.${error}`)}</p>
          </div>
        </div>
      ) : null}
      <p className="font-lead">{t('signIn.intro')}</p>
      <p>
        <a className="button button-primary" href={`${citizenSignInUrl}?til=/borger`}>
          {t('signIn.button')}
        </a>
      </p>
      <p className="form-hint">{t('signIn.note')}</p>
    </>
  );
}
