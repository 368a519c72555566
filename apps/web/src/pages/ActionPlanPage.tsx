import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanForm } from '../features/plans/components/ActionPlanForm.tsx';
import { NewPlanForm } from '../features/plans/components/NewPlanForm.tsx';
import { PlanVersions, PlanView } from '../features/plans/components/PlanView.tsx';
import { usePlanOverview } from '../features/plans/hooks/usePlans.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function ActionPlanPage() {
  const { t } = useTranslation('plans');
  const { courseId = '' } = useParams({ strict: false });
  const overview = usePlanOverview(courseId);
  const [revising, setRevising] = useState(false);
  return (
    <>
      <Anchor href={`/forloeb/${courseId}`} size="sm">
        ← {t('backToCourse')}
      </Anchor>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={overview}>
        {({ current, versions }) => (
          <Stack gap="xl">
            {current === null ? (
              <Section title={t('newTitle')}>
                <EmptyState text={t('none')} />
                <NewPlanForm courseId={courseId} onDone={() => setRevising(false)} />
              </Section>
            ) : revising ? (
              <Section title={t('reviseTitle', { version: current.version + 1 })}>
                <ActionPlanForm courseId={courseId} current={current} onDone={() => setRevising(false)} />
              </Section>
            ) : (
              <Section title={t('currentTitle', { version: current.version })}>
                <Group>
                  <Button onClick={() => setRevising(true)}>{t('revise')}</Button>
                </Group>
                <PlanView plan={current} />
              </Section>
            )}
            {versions.length > 0 ? (
              <Section title={t('versionsTitle')}>
                <PlanVersions courseId={courseId} versions={versions} />
              </Section>
            ) : null}
            <Anchor href={`/forloeb/${courseId}/opfoelgning`}>{t('goToFollowUps')}</Anchor>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
