import { Stack, Text } from '@mantine/core';
import type { ReportQuery } from '@samkraft/contracts/reports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { ReportFilters } from '../features/reports/components/ReportFilters.tsx';
import { ReportView } from '../features/reports/components/ReportView.tsx';
import { useMemberMunicipalities, useReport } from '../features/reports/hooks/useReport.ts';
import { reportQueryOf, type ReportChoices } from '../features/reports/utils/reportParams.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { ErrorAlert } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { useFieldErrors } from '../ui/hooks/useFieldErrors.ts';

const lastYear = new Date().getFullYear() - 1;
const initial: ReportChoices = { kind: 'year', year: lastYear, half: 1, from: '', to: '', compare: true, compareFrom: '', compareTo: '', municipalities: [], suppress: false };

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { role } = useActiveRole();
  const isCoordinator = role === 'coordinator';
  const [choices, setChoices] = useState<ReportChoices>(initial);
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const report = useReport(query);
  const municipalities = useMemberMunicipalities(isCoordinator);
  const errors = useFieldErrors(report.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <Section title={t('filters.title')}>
          <ReportFilters
            choices={choices}
            onChange={setChoices}
            onSubmit={() => setQuery(reportQueryOf(choices))}
            municipalities={isCoordinator ? (municipalities.data?.filter((m) => m.isMember) ?? []) : null}
            errors={errors}
            busy={report.isFetching}
          />
        </Section>
        {query === null ? <Text c="dimmed">{t('start')}</Text> : null}
        {report.isError && !hasFieldErrors ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data && query ? <ReportView report={report.data} query={query} /> : null}
      </Stack>
    </>
  );
}
