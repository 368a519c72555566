import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/apiRequestError.ts';
import { errorMessageKey } from './utils/errorMessage.ts';

export type QueryStateProps<T> = { query: UseQueryResult<T>; children: (data: T) => ReactNode };

/** Shows loading and error states of a query, and the content once its data is there. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('app.loading')}</Text>
      </Group>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export type ErrorAlertProps = { error: unknown; onRetry?: () => void };

export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const key = errorMessageKey(error);
  // The technical code helps support only when the message itself is the generic one.
  const showCode = key === 'errors.generic' && isApiRequestError(error);
  return (
    <Alert color="red" variant="light" role="alert" title={t(key)} styles={{ title: { color: '#1a1a1a' } }}>
      <Stack gap="xs" align="flex-start">
        {showCode ? <Text size="sm">{t('errors.details', { code: error.code })}</Text> : null}
        {onRetry ? (
          <Button size="xs" variant="outline" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
