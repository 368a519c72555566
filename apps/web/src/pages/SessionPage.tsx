import { Button, Group, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { teamListUrl } from '../features/teams/api/teamApi.ts';
import { AttendanceList } from '../features/teams/components/AttendanceList.tsx';
import { SessionCancelPanel } from '../features/teams/components/SessionCancelPanel.tsx';
import { useSession } from '../features/teams/hooks/useTeams.ts';
import { sessionWhen } from '../features/teams/utils/teamFormat.ts';
import { localeOf } from '../i18n/language.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { RouterAnchor } from '../ui/RouterLink.tsx';

export function SessionPage() {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const { teamId = '', sessionId = '' } = useParams({ strict: false });
  const query = useSession(sessionId);
  return (
    <>
      <RouterAnchor to="/hold/$teamId" params={{ teamId }} size="sm">
        ← {t('backToTeam')}
      </RouterAnchor>
      <QueryState query={query}>
        {(data) => (
          <>
            <PageTitle
              title={`${t('attendance.title')}: ${data.team.name}`}
              description={`${data.session.kind === 'follow_up' ? `${t('session.followUp')} · ` : ''}${sessionWhen(data.session.startsAt, localeOf(language))}${data.session.room ? ` · ${data.session.room}` : ''}. ${t('attendance.intro')}`}
            />
            <Stack gap="xl">
              <Group>
                <Button component="a" href={teamListUrl(data.session.id)} target="_blank" rel="noopener" variant="outline" size="md">
                  {t('printList')}
                </Button>
              </Group>
              {data.session.cancelled ? <SessionCancelPanel session={data.session} /> : null}
              <AttendanceList data={data} />
              {data.session.cancelled ? null : <SessionCancelPanel session={data.session} />}
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
