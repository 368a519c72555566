import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AttendanceList } from '../features/teams/components/AttendanceList.tsx';
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
            <PageTitle title={`${t('attendance.title')}: ${data.team.name}`} description={`${sessionWhen(data.session.startsAt, localeOf(language))}${data.session.room ? ` · ${data.session.room}` : ''}. ${t('attendance.intro')}`} />
            <AttendanceList data={data} />
          </>
        )}
      </QueryState>
    </>
  );
}
