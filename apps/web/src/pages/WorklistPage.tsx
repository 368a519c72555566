import { Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { courseSteps } from '@samkraft/contracts/start';
import { worklistStates } from '@samkraft/contracts/worklist';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { courseStepLabel } from '../features/courses/utils/courseStep.ts';
import { WorklistTable } from '../features/worklist/components/WorklistTable.tsx';
import { useWorklist } from '../features/worklist/hooks/useWorklist.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { StatGrid } from '../ui/StatGrid.tsx';

export function WorklistPage() {
  const { t } = useTranslation('worklist');
  const { language } = useLanguage();
  const { role } = useActiveRole();
  const isLead = role === 'municipal_lead';
  const [scope, setScope] = useState<string>(isLead ? 'municipality' : 'mine');
  const [state, setState] = useState('');
  const [step, setStep] = useState('');
  const query = useWorklist({ scope, state, step });
  const scopes = isLead ? (['municipality', 'unassigned'] as const) : (['mine', 'unassigned'] as const);
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="lg">
        <Group align="end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text component="span" id="worklist-scope" size="sm" fw={500}>
              {t('scope.label')}
            </Text>
            <SegmentedControl aria-labelledby="worklist-scope" value={scope} onChange={setScope} data={scopes.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Stack>
          <NativeSelect
            label={t('stateFilter')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            data={[{ value: '', label: t('all') }, ...worklistStates.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
          />
          <NativeSelect
            label={t('stepFilter')}
            value={step}
            onChange={(e) => setStep(e.currentTarget.value)}
            data={[{ value: '', label: t('all') }, ...courseSteps.filter((s) => s !== 'closed').map((s) => ({ value: s, label: courseStepLabel(s, language) }))]}
          />
        </Group>
        <QueryState query={query}>
          {(data) => (
            <Stack gap="lg">
              <Section title={t('countsTitle')}>
                <StatGrid stats={worklistStates.map((s) => ({ key: s, label: t(`states.${s}`), value: String(data.counts[s]) }))} />
              </Section>
              <Section title={t('tableTitle')}>
                <WorklistTable items={data.items} showContactPerson={scope !== 'mine'} />
              </Section>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
