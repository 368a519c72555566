import { Anchor, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AssessmentHistory } from '../features/assessments/components/AssessmentHistory.tsx';
import { NeedsAssessmentForm } from '../features/assessments/components/NeedsAssessmentForm.tsx';
import { useAssessmentItems, useNeedsAssessments } from '../features/assessments/hooks/useNeedsAssessments.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function NeedsAssessmentPage() {
  const { t } = useTranslation('assessments');
  const { courseId = '' } = useParams({ strict: false });
  const items = useAssessmentItems();
  const assessments = useNeedsAssessments(courseId);
  return (
    <>
      <Anchor href={`/forloeb/${courseId}`} size="sm">
        ← {t('backToCourse')}
      </Anchor>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={items}>
        {(itemList) => (
          <QueryState query={assessments}>
            {(data) => (
              <Stack gap="xl">
                <Section title={t('newTitle')}>
                  <NeedsAssessmentForm key={data.assessments.length} courseId={courseId} items={itemList} hasInitial={data.assessments.some((a) => a.occasion === 'initial')} />
                </Section>
                <Section title={t('historyTitle')}>
                  <AssessmentHistory data={data} items={itemList} />
                </Section>
                <Anchor href={`/forloeb/${courseId}/handleplan`}>{t('goToPlan')}</Anchor>
              </Stack>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
