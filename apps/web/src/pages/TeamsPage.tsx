import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TeamCreateForm } from '../features/teams/components/TeamCreateForm.tsx';
import { TeamsTable } from '../features/teams/components/TeamsTable.tsx';
import { useTeams } from '../features/teams/hooks/useTeams.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function TeamsPage() {
  const { t } = useTranslation('teams');
  const query = useTeams();
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            <Section title={t('listTitleOwn')}>
              <TeamsTable teams={data.teams} />
            </Section>
            <TeamCreateForm offerings={data.offerings} today={danishToday()} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
