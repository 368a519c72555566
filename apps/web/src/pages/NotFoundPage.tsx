import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui/PageTitle.tsx';
import { RouterAnchor } from '../ui/RouterLink.tsx';
import { StandaloneLayout } from '../ui/StandaloneLayout.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StandaloneLayout>
      <PageTitle title={t('notFound.title')} />
      <Text mb="md">{t('notFound.body')}</Text>
      <RouterAnchor to="/">{t('notFound.home')}</RouterAnchor>
    </StandaloneLayout>
  );
}
