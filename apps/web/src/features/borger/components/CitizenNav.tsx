import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * The citizen's pages, one line each (`to` a route under /borger, `label` a key of the borger
 * texts). Shown under the header for a signed-in citizen; the current page is marked for screen
 * readers with aria-current.
 */
const entries = [
  { to: '/borger', label: 'nav.myCourse' },
  { to: '/borger/aftaler', label: 'nav.appointments' },
  { to: '/borger/forberedelse', label: 'nav.preparation' },
  { to: '/borger/spoergeskema', label: 'nav.questionnaire' },
  { to: '/borger/dokumenter', label: 'nav.documents' },
  { to: '/borger/hvem-har-set', label: 'nav.accessLog' },
  { to: '/borger/mine-data', label: 'nav.myData' },
] as const;

export function CitizenNav() {
  const { t } = useTranslation('borger');
  return (
    <nav className="samkraft-borger-nav" aria-label={t('nav.label')}>
      <div className="container">
        <ul>
          {entries.map((e) => (
            <li key={e.to}>
              <Link to={e.to} activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page', className: 'active' }}>
                {t(e.label)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
