import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlanForm } from '../features/planning/components/PlanForm.tsx';
import { PlanResultView } from '../features/planning/components/PlanResultView.tsx';
import { SavedScenarios } from '../features/planning/components/SavedScenarios.tsx';
import { useOpenScenario, useScenarios, useSolvePlan } from '../features/planning/hooks/usePlanning.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function PlanningPage() {
  const { t } = useTranslation('planning');
  const solve = useSolvePlan();
  const scenarios = useScenarios();
  const opened = useOpenScenario();
  // The latest of the two is shown: a new solve replaces an opened scenario, and opening one replaces the solve.
  const showOpened = opened.data !== undefined && (solve.data === undefined || opened.submittedAt > solve.submittedAt);
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <Section title={t('run')}>
          <PlanForm busy={solve.isPending} onSubmit={(request) => solve.mutate(request)} />
          {solve.error ? (
            <Alert color="red" role="alert" mt="md">
              {solve.error.message}
            </Alert>
          ) : null}
        </Section>
        <div id="planning-result">
          {showOpened && opened.data ? <PlanResultView key={opened.data.id} result={opened.data.result} savedName={opened.data.name} /> : solve.data ? <PlanResultView result={solve.data} /> : null}
        </div>
        {opened.error ? (
          <Alert color="red" role="alert">
            {opened.error.message}
          </Alert>
        ) : null}
        <Section title={t('savedTitle')}>
          <QueryState query={scenarios}>{(data) => <SavedScenarios data={data} onOpen={(id) => opened.mutate(id, { onSuccess: () => setTimeout(() => document.getElementById('planning-result')?.scrollIntoView(), 0) })} />}</QueryState>
        </Section>
      </Stack>
    </>
  );
}
