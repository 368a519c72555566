import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { DeadlinePolicyForm } from '../features/deadlines/components/DeadlinePolicyForm.tsx';
import { DeadlinePolicyHistory } from '../features/deadlines/components/DeadlinePolicyHistory.tsx';
import { useDeadlinePolicies } from '../features/deadlines/hooks/useDeadlines.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function DeadlinePoliciesPage() {
  const { t } = useTranslation('deadlines');
  const { role } = useActiveRole();
  const query = useDeadlinePolicies();
  const today = danishToday();
  return (
    <>
      <PageTitle title={t('policies.title')} description={t('policies.intro')} />
      <Stack gap="xl">
        {role === 'administrator' ? <DeadlinePolicyForm today={today} /> : <Text>{t('policies.onlyAdmin')}</Text>}
        <QueryState query={query}>{(data) => <DeadlinePolicyHistory policies={data.policies} today={today} />}</QueryState>
      </Stack>
    </>
  );
}
