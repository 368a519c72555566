import { citizenSignInErrors, type CitizenSignInError } from '@samkraft/contracts/borger';
import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { citizenNemLogInSignInUrl, citizenSignInUrl } from '../../features/borger/api/borgerApi.ts';
import { useCitizenSignInMethods } from '../../features/borger/hooks/citizenQueries.ts';

export type CitizenSignInPageProps = { error?: string | undefined };

const isSignInError = (v: string | undefined): v is CitizenSignInError => (citizenSignInErrors as readonly string[]).includes(v ?? '');

/**
 * The citizen's way in: a link to the server, which sends the browser on to MitID — through the
 * broker (OpenID Connect) and, when configured, through NemLog-in (SAML) beside it.
 */
export function CitizenSignInPage({ error }: CitizenSignInPageProps) {
  const { t } = useTranslation('borger');
  const methods = useCitizenSignInMethods().data;
  // The broker's button shows until the server says it is off (it was the only way in before NemLog-in).
  const broker = methods?.oidc ?? true;
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
      <p className="citizen-sign-in-buttons">
        {broker ? (
          <a className="button button-primary" href={`${citizenSignInUrl}?til=/borger`}>
            {t('signIn.button')}
          </a>
        ) : null}
        {methods?.saml ? (
          <a className={broker ? 'button button-secondary' : 'button button-primary'} href={`${citizenNemLogInSignInUrl}?til=/borger`}>
            {t('signIn.buttonNemLogIn')}
          </a>
        ) : null}
      </p>
      <p className="form-hint">{t('signIn.note')}</p>
    </>
  );
}
