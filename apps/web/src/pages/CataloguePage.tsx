import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CatalogueBrowser } from '../features/catalogue/components/CatalogueBrowser.tsx';
import { RoutingMatrix } from '../features/catalogue/components/RoutingMatrix.tsx';
import { useInterventions, useMunicipalities } from '../features/catalogue/hooks/useCatalogue.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function CataloguePage() {
  const { t } = useTranslation();
  const interventions = useInterventions();
  const municipalities = useMunicipalities();
  return (
    <>
      <PageTitle title={t('catalogue.title')} description={t('catalogue.intro')} />
      <QueryState query={interventions}>
        {(items) => (
          <Stack gap="xl">
            <CatalogueBrowser items={items} municipalities={municipalities.data ?? []} />
            <RoutingMatrix interventions={items} municipalities={municipalities.data ?? []} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
