import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { CatalogueBrowser } from '../features/catalogue/components/CatalogueBrowser.tsx';
import { NewInterventionSection } from '../features/catalogue/components/NewInterventionSection.tsx';
import { RoutingMatrix } from '../features/catalogue/components/RoutingMatrix.tsx';
import { useInterventions, useMunicipalities } from '../features/catalogue/hooks/useCatalogue.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function CataloguePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdministrator = user.roles.includes('administrator');
  // Administrators also see retired interventions, so they can bring one back.
  const interventions = useInterventions(isAdministrator);
  const municipalities = useMunicipalities();
  return (
    <>
      <PageTitle title={t('catalogue.title')} description={t('catalogue.intro')} />
      <QueryState query={interventions}>
        {(items) => (
          <Stack gap="xl">
            {isAdministrator ? <NewInterventionSection /> : null}
            <CatalogueBrowser items={items} municipalities={municipalities.data ?? []} />
            <RoutingMatrix interventions={items.filter((i) => i.active)} municipalities={municipalities.data ?? []} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
