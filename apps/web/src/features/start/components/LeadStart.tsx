import { Stack } from '@mantine/core';
import type { CourseStep, StartPage } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatNumber } from '../../../ui/utils/formatDate.ts';
import { courseStepLabel, courseStepTone, orderStepCounts } from '../../courses/utils/courseStep.ts';
import { CourseTable } from './CourseTable.tsx';

export type LeadStartProps = { data: Extract<StartPage, { kind: 'municipal_lead' }> };
type StaffRow = LeadStartProps['data']['staff'][number];
type StepRow = { step: CourseStep; count: number };

export function LeadStart({ data }: LeadStartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const hasCourses = data.stepCounts.some((s) => s.count > 0);
  const stepColumns: Column<StepRow>[] = [
    { key: 'step', header: t('columns.step'), rowHeader: true, render: (r) => <Tag tone={courseStepTone(r.step)}>{courseStepLabel(r.step, language)}</Tag> },
    { key: 'count', header: t('columns.count'), numeric: true, render: (r) => formatNumber(r.count, language) },
  ];
  const staffColumns: Column<StaffRow>[] = [
    { key: 'name', header: t('columns.name'), rowHeader: true, render: (r) => r.name },
    { key: 'roles', header: t('columns.roles'), render: (r) => r.roles.map((role) => t(`roles.${role}`)).join(', ') },
    { key: 'open', header: t('columns.openCourses'), numeric: true, render: (r) => formatNumber(r.openCourses, language) },
  ];
  return (
    <Stack gap="xl">
      <Section title={t('start.stepCounts')}>
        <DataTable
          columns={stepColumns}
          rows={hasCourses ? orderStepCounts(data.stepCounts) : []}
          rowKey={(r) => r.step}
          emptyText={t('start.stepCountsEmpty')}
        />
      </Section>
      <Section title={t('start.unassigned')} description={t('start.unassignedIntro', { municipality: data.municipality.name })}>
        <CourseTable courses={data.unassigned} emptyText={t('start.unassignedEmpty')} />
      </Section>
      <Section title={t('start.staff')}>
        <DataTable columns={staffColumns} rows={data.staff} rowKey={(r) => r.id} emptyText={t('start.staffEmpty')} />
      </Section>
    </Stack>
  );
}
