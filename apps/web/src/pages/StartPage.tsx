import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { CitizenSearch } from '../features/citizen-search/components/CitizenSearch.tsx';
import { StartOverview } from '../features/start/components/StartOverview.tsx';
import { useStartPage } from '../features/start/hooks/useStartPage.ts';
import { StartUnreadNotice } from '../features/status-notes/components/StartUnreadNotice.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function StartPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { role } = useActiveRole();
  const query = useStartPage(role);
  // Coordinators and administrators work across the collaboration, not for one municipality.
  const acrossMunicipalities = role === 'coordinator' || role === 'administrator';
  const description = role
    ? acrossMunicipalities
      ? t(`roles.${role}`)
      : t('start.roleIn', { role: t(`roles.${role}`), municipality: user.municipality.name })
    : undefined;
  return (
    <>
      <PageTitle title={t('start.title')} description={description} />
      <StartUnreadNotice />
      {(role === 'contact_person' || role === 'municipal_lead' || role === 'therapist') && <CitizenSearch />}
      <QueryState query={query}>{(data) => <StartOverview data={data} />}</QueryState>
    </>
  );
}
