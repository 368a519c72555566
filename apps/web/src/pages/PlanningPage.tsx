import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlanForm } from '../features/planning/components/PlanForm.tsx';
import { PlanResultView } from '../features/planning/components/PlanResultView.tsx';
import { SavedScenarios } from '../features/planning/components/SavedScenarios.tsx';
import { useScenarios, useSolvePlan } from '../features/planning/hooks/usePlanning.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function PlanningPage() {
  const { t } = useTranslation('planning');
  const solve = useSolvePlan();
  const scenarios = useScenarios();
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
        {solve.data ? <PlanResultView result={solve.data} /> : null}
        <Section title={t('savedTitle')}>
          <QueryState query={scenarios}>{(data) => <SavedScenarios data={data} />}</QueryState>
        </Section>
      </Stack>
    </>
  );
}
