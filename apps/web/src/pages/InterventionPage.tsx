import { Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { InterventionTable } from '../features/catalogue/components/InterventionTable.tsx';
import { OfferingsSection } from '../features/catalogue/components/OfferingsSection.tsx';
import { useInterventions } from '../features/catalogue/hooks/useCatalogue.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { RouterAnchor } from '../ui/RouterLink.tsx';

export function InterventionPage() {
  const { code } = useParams({ from: '/signed-in/katalog/$code' });
  const { t } = useTranslation('catalogue');
  const { language } = useLanguage();
  const { user } = useSession();
  const interventions = useInterventions();
  return (
    <QueryState query={interventions}>
      {(items) => {
        const item = items.find((i) => i.code === code);
        if (!item) return <Text>{t('notFound')}</Text>;
        return (
          <Stack gap="xl">
            <RouterAnchor to="/katalog">{t('back')}</RouterAnchor>
            <PageTitle title={language === 'en' ? item.nameEn : item.nameDa} />
            <InterventionTable items={[item]} emptyText="" />
            <OfferingsSection interventionCode={item.code} canEdit={user.roles.includes('administrator')} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
