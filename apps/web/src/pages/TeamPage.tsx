import { Alert, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CancelCutoffForm } from '../features/teams/components/CancelCutoffForm.tsx';
import { CapacityForm } from '../features/teams/components/CapacityForm.tsx';
import { EnrolForm } from '../features/teams/components/EnrolForm.tsx';
import { ScheduleText } from '../features/teams/components/ScheduleText.tsx';
import { SessionsNow } from '../features/teams/components/SessionsNow.tsx';
import { TeamParticipants } from '../features/teams/components/TeamParticipants.tsx';
import { GenerateSessionsForm, SessionsTable } from '../features/teams/components/TeamSessions.tsx';
import { useTeam } from '../features/teams/hooks/useTeams.ts';
import { AtHospitalBadge } from '../features/hospital-notifications/components/AtHospitalBadge.tsx';
import { useTeamHospitalAbsences } from '../features/hospital-notifications/hooks/useHospitalNotifications.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { RouterAnchor } from '../ui/RouterLink.tsx';
import { Section } from '../ui/Section.tsx';
import { StatGrid } from '../ui/StatGrid.tsx';

export function TeamPage() {
  const { t } = useTranslation('teams');
  const { teamId = '' } = useParams({ strict: false });
  const query = useTeam(teamId);
  const atHospital = useTeamHospitalAbsences(teamId).data;
  const today = danishToday();
  return (
    <>
      <RouterAnchor to="/hold" size="sm">
        ← {t('backToTeams')}
      </RouterAnchor>
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            <PageTitle
              title={data.team.name}
              description={
                <>
                  {data.team.offering.interventionName} · {data.team.offering.placeName} · {t(`modes.${data.team.mode}`)} · <ScheduleText schedule={data.team.schedule} />
                </>
              }
            />
            <SessionsNow teamId={teamId} sessions={data.sessions} />
            <StatGrid
              stats={[
                { key: 'seats', label: t('facts.seats'), value: `${data.team.enrolled} / ${data.team.capacity}` },
                { key: 'waiting', label: t('facts.waiting'), value: String(data.team.waiting) },
                { key: 'quota', label: t('facts.quota'), value: String(data.team.sessionQuota) },
                { key: 'sessions', label: t('facts.sessions'), value: String(data.team.sessions) },
              ]}
            />
            <CapacityForm key={data.team.capacity} teamId={teamId} capacity={data.team.capacity} />
            <CancelCutoffForm key={`cutoff-${data.team.citizenCancelCutoffHours}`} teamId={teamId} hours={data.team.citizenCancelCutoffHours} />
            {data.cohortStarted ? <Alert color="blue">{t('cohortStarted')}</Alert> : null}
            <TeamParticipants enrolments={data.enrolments} today={today} flagOf={(e) => (atHospital?.has(e.id) ? <AtHospitalBadge /> : null)} />
            <Section title={t('enrolTitle')} description={t('enrolIntro')}>
              <EnrolForm teamId={teamId} candidates={data.candidates} today={today} />
            </Section>
            <Section title={t('sessionsTitle')} description={data.team.mode === 'cohort' ? t('cohortSessionsHint') : undefined}>
              <Stack gap="md">
                <GenerateSessionsForm teamId={teamId} today={today} />
                <SessionsTable teamId={teamId} sessions={data.sessions} />
              </Stack>
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
