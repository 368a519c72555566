import { Anchor, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FollowUpTable, ScheduleFollowUp, VulnerableFlag } from '../features/follow-ups/components/FollowUpPanel.tsx';
import { useFollowUps } from '../features/follow-ups/hooks/useFollowUps.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function FollowUpPage() {
  const { t } = useTranslation('followUps');
  const { courseId = '' } = useParams({ strict: false });
  const query = useFollowUps(courseId);
  return (
    <>
      <Anchor href={`/forloeb/${courseId}`} size="sm">
        ← {t('backToCourse')}
      </Anchor>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            <Section title={t('listTitle')}>
              <FollowUpTable courseId={courseId} data={data} />
            </Section>
            <Section title={t('scheduleTitle')}>
              <ScheduleFollowUp key={data.suggestion.suggestedOn} courseId={courseId} data={data} />
            </Section>
            <Section title={t('vulnerableTitle')}>
              <VulnerableFlag key={String(data.vulnerable)} courseId={courseId} data={data} />
            </Section>
            <Anchor href={`/forloeb/${courseId}/handleplan`}>{t('goToPlan')}</Anchor>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
