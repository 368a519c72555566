import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderName } from '../features/auth/hooks/useSignInMethods.ts';
import { SessionTable } from '../features/sessions/components/SessionTable.tsx';
import { useEndMyOtherSessions, useEndMySession, useMySessions } from '../features/sessions/hooks/useSessions.ts';
import { ErrorAlert, QueryState } from '../ui/QueryState.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** "Mine sessioner": where the signed-in user is signed in now, and ending any of them (issue 15.5). */
export function MySessionsPage() {
  const { t } = useTranslation('sessions');
  const sessions = useMySessions();
  const providerName = useProviderName();
  const endOne = useEndMySession();
  const endOthers = useEndMyOtherSessions();
  const [message, setMessage] = useState<string | null>(null);
  const error = endOne.error ?? endOthers.error;
  return (
    <Stack gap="md">
      <PageTitle title={t('mine.title')} description={t('mine.intro')} />
      <div role="status">{message ? <Alert color="green">{message}</Alert> : null}</div>
      {error ? <ErrorAlert error={error} /> : null}
      <QueryState query={sessions}>
        {(d) => (
          <Stack gap="sm">
            <SessionTable
              label={t('mine.title')}
              providerLabel={providerName}
              sessions={d.sessions}
              ending={endOne.isPending ? (endOne.variables ?? null) : null}
              onEnd={(s) => {
                setMessage(null);
                endOne.mutate(s.id);
              }}
            />
            <Group>
              <Button
                variant="outline"
                color="red.9"
                loading={endOthers.isPending}
                onClick={() => {
                  setMessage(null);
                  endOthers.mutate(undefined, { onSuccess: (r) => setMessage(r.ended === 0 ? t('mine.endOthersNone') : t('mine.endOthersDone', { count: r.ended })) });
                }}
              >
                {t('mine.endOthers')}
              </Button>
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
