import { Group, NativeSelect, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { courseSteps } from '@samkraft/contracts/start';
import { worklistStates } from '@samkraft/contracts/worklist';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { courseStepLabel } from '../features/courses/utils/courseStep.ts';
import { ClosedCoursesList } from '../features/worklist/components/ClosedCoursesList.tsx';
import { WorklistTable } from '../features/worklist/components/WorklistTable.tsx';
import { useWorklist } from '../features/worklist/hooks/useWorklist.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { formatNumber } from '../ui/utils/formatDate.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { StatGrid } from '../ui/StatGrid.tsx';

/** Courses a page: a contact person's own list fits on one. */
const PAGE_SIZE = 100;

export function WorklistPage() {
  const { t } = useTranslation('worklist');
  const { language } = useLanguage();
  const { role } = useActiveRole();
  const isLead = role === 'municipal_lead';
  const [scope, setScope] = useState<string>(isLead ? 'municipality' : 'mine');
  const closed = scope === 'closed';
  const [state, setState] = useState('');
  const [step, setStep] = useState('');
  const [page, setPage] = useState(1);
  // A new page starts at the top of the list, not where the page controls were.
  const listTop = useRef<HTMLDivElement>(null);
  const goToPage = (next: number) => {
    setPage(next);
    listTop.current?.scrollIntoView({ block: 'start' });
  };
  // The closed courses are their own list: the open ones are not read (nor audited) meanwhile.
  const query = useWorklist({ scope, state, step, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, !closed);
  // A new scope or filter starts from the first page.
  const choose = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPage(1);
  };
  const scopes = isLead ? (['municipality', 'unassigned', 'closed'] as const) : (['mine', 'unassigned', 'closed'] as const);
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="lg">
        <Group align="end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text component="span" id="worklist-scope" size="sm" fw={500}>
              {t('scope.label')}
            </Text>
            <SegmentedControl aria-labelledby="worklist-scope" value={scope} onChange={choose(setScope)} data={scopes.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Stack>
          {!closed && (
            <>
              <NativeSelect
                label={t('stateFilter')}
                value={state}
                onChange={(e) => choose(setState)(e.currentTarget.value)}
                data={[{ value: '', label: t('all') }, ...worklistStates.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
              />
              <NativeSelect
                label={t('stepFilter')}
                value={step}
                onChange={(e) => choose(setStep)(e.currentTarget.value)}
                data={[{ value: '', label: t('all') }, ...courseSteps.filter((s) => s !== 'closed').map((s) => ({ value: s, label: courseStepLabel(s, language) }))]}
              />
            </>
          )}
        </Group>
        {closed ? (
          <ClosedCoursesList />
        ) : (
          <QueryState query={query}>
            {(data) => (
              <Stack gap="lg">
                <Section title={t('countsTitle')}>
                  <StatGrid stats={worklistStates.map((s) => ({ key: s, label: t(`states.${s}`), value: String(data.counts[s]) }))} />
                </Section>
                <Section title={t('tableTitle')}>
                  <Stack gap="sm" ref={listTop} style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 64px) + 16px)' }}>
                    {data.total > 0 && (
                      <Text size="sm" c="dimmed" aria-live="polite">
                        {t('showing', { from: formatNumber(data.offset + 1, language), to: formatNumber(data.offset + data.items.length, language), total: formatNumber(data.total, language) })}
                      </Text>
                    )}
                    <WorklistTable items={data.items} showContactPerson={scope !== 'mine'} />
                    {data.total > data.limit && (
                      <Pagination
                        total={Math.ceil(data.total / data.limit)}
                        value={page}
                        onChange={goToPage}
                        aria-label={t('pages')}
                        getControlProps={(control) => ({ 'aria-label': t(`pageControls.${control}`) })}
                      />
                    )}
                  </Stack>
                </Section>
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </>
  );
}
