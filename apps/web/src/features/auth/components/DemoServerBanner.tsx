import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDemoUsers } from '../hooks/useDemoUsers.ts';

/** A demo on a PostgreSQL server (SAMKRAFT_DEMO_SERVER): everyone may sign in as anyone, so say so first. */
export function DemoServerBanner() {
  const { t } = useTranslation();
  const query = useDemoUsers();
  if (!query.data?.demoServer) return null;
  return (
    <Alert color="red.9" variant="filled" title={t('login.demoServerTitle')} role="alert">
      {t('login.demoServerText')}
    </Alert>
  );
}
