import 'dkfds-borgerdk.css';
import './citizen.css';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCitizenSession, useCitizenSignOut } from '../hooks/citizenQueries.ts';
import { CitizenLanguageSwitch } from './CitizenLanguageSwitch.tsx';
import { CitizenNav } from './CitizenNav.tsx';

/**
 * The frame of every citizen page, in the look of the Danish public design system (DKFDS,
 * borger.dk theme — its CSS is loaded with this chunk only, never with the staff app).
 * Mobile first: one column, large touch targets.
 */
export function CitizenShell() {
  const { t } = useTranslation('borger');
  const session = useCitizenSession();
  const signOut = useCitizenSignOut();
  const csrf = session.data?.csrfToken;
  return (
    <div className="samkraft-borger">
      <a className="skipnav" href="#main-content">
        {t('skipToContent')}
      </a>
      <header className="samkraft-borger-header">
        <div className="container samkraft-borger-header-inner">
          <a className="samkraft-borger-name" href="/borger">
            {t('appName')}
          </a>
          <div className="samkraft-borger-header-actions">
            <CitizenLanguageSwitch />
            {csrf ? (
              <button type="button" className="button button-secondary" disabled={signOut.isPending} onClick={() => signOut.mutate(csrf)}>
                {signOut.isPending ? t('signingOut') : t('signOut')}
              </button>
            ) : null}
          </div>
        </div>
      </header>
      {csrf ? <CitizenNav /> : null}
      <main id="main-content" className="container samkraft-borger-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="samkraft-borger-footer">
        <div className="container">
          <p>{t('footer')}</p>
        </div>
      </footer>
    </div>
  );
}
