import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { JobProgress } from '../features/jobs/components/JobProgress.tsx';
import { jobExportUrl } from '../features/reports/api/reportsApi.ts';
import { ReportFilters } from '../features/reports/components/ReportFilters.tsx';
import { ReportView } from '../features/reports/components/ReportView.tsx';
import { useMemberMunicipalities, useReport } from '../features/reports/hooks/useReport.ts';
import { da as reportTexts } from '../features/reports/i18n.ts';
import { reportRequestOf, type ReportChoices } from '../features/reports/utils/reportParams.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { ErrorAlert } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { useFieldErrors } from '../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../ui/utils/danishToday.ts';

// The Danish year: at 23:30 UTC on 31 December it is already next year in Denmark.
const lastYear = Number(danishToday().slice(0, 4)) - 1;
const initial: ReportChoices = { kind: 'year', year: lastYear, half: 1, from: '', to: '', compare: true, compareFrom: '', compareTo: '', municipalities: [], suppress: false };
const isPhase = (p: string): p is keyof typeof reportTexts.phases => p in reportTexts.phases;

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { role } = useActiveRole();
  const isCoordinator = role === 'coordinator';
  const [choices, setChoices] = useState<ReportChoices>(initial);
  const { run, report } = useReport();
  const municipalities = useMemberMunicipalities(isCoordinator);
  const errors = useFieldErrors(run.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const jobId = run.job?.id;
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <Section title={t('filters.title')}>
          <ReportFilters
            choices={choices}
            onChange={setChoices}
            onSubmit={() => run.start(reportRequestOf(choices))}
            municipalities={isCoordinator ? (municipalities.data?.filter((m) => m.isMember) ?? []) : null}
            errors={errors}
            busy={run.running}
          />
        </Section>
        {run.job === undefined && !run.running && !run.error ? <Text c="dimmed">{t('start')}</Text> : null}
        {run.running ? <JobProgress job={run.job} label={t('computing')} phaseText={(p) => (isPhase(p) ? t(`phases.${p}`) : p)} /> : null}
        {run.error && !hasFieldErrors ? <ErrorAlert error={run.error} /> : null}
        {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data && jobId && !run.running ? <ReportView report={report.data} exportUrl={(f) => jobExportUrl(jobId, f)} /> : null}
      </Stack>
    </>
  );
}
