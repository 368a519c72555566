import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui/PageTitle.tsx';
import { ErrorAlert } from '../ui/QueryState.tsx';
import { StandaloneLayout } from '../ui/StandaloneLayout.tsx';

export type ErrorPageProps = { error: unknown; reset: () => void };

export function ErrorPage({ error, reset }: ErrorPageProps) {
  const { t } = useTranslation();
  return (
    <StandaloneLayout>
      <PageTitle title={t('errorPage.title')} />
      <Stack gap="md">
        <Text>{t('errorPage.body')}</Text>
        <ErrorAlert error={error} onRetry={reset} />
      </Stack>
    </StandaloneLayout>
  );
}
