import { Anchor, Grid, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CitizenAnswerPanel } from '../features/assessments/components/CitizenAnswerPanel.tsx';
import { AssessmentHistory } from '../features/assessments/components/AssessmentHistory.tsx';
import { NeedsAssessmentForm } from '../features/assessments/components/NeedsAssessmentForm.tsx';
import { useAssessmentItems, useNeedsAssessments } from '../features/assessments/hooks/useNeedsAssessments.ts';
import { useCoursePreparationForm } from '../features/assessments/hooks/useCoursePreparationForm.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function NeedsAssessmentPage() {
  const { t } = useTranslation('assessments');
  const { courseId = '' } = useParams({ strict: false });
  const items = useAssessmentItems();
  const assessments = useNeedsAssessments(courseId);
  const preparation = useCoursePreparationForm(courseId);
  const form = preparation.data?.form;
  const citizenAnswer = form?.answer && form.answeredAt ? <CitizenAnswerPanel answer={form.answer} answeredAt={form.answeredAt} /> : null;
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
                {/* The citizen's own answer beside the professional's assessment (below it on a phone). */}
                <Grid gap="xl">
                  <Grid.Col span={{ base: 12, md: citizenAnswer ? 7 : 12 }}>
                    <Section title={t('newTitle')}>
                      {/* Drawn once the citizen's answers are known, so a draft never replaces what the user began to type. */}
                      {preparation.isPending ? null : (
                        <NeedsAssessmentForm
                          key={`${data.assessments.length}-${preparation.data?.draft ? 'draft' : 'blank'}`}
                          courseId={courseId}
                          items={itemList}
                          hasInitial={data.assessments.some((a) => a.occasion === 'initial')}
                          draft={preparation.data?.draft ?? null}
                        />
                      )}
                    </Section>
                  </Grid.Col>
                  {citizenAnswer ? <Grid.Col span={{ base: 12, md: 5 }}>{citizenAnswer}</Grid.Col> : null}
                </Grid>
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
