import { Stack, Text } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import type { Deadline } from '@samkraft/contracts/deadlines';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseDeadlines } from '../hooks/useDeadlines.ts';
import { deadlineTone } from '../utils/deadlineTone.ts';
import { PauseDeadlineForm } from './PauseDeadlineForm.tsx';
import { ResumeDeadlineForms } from './ResumeDeadlineForms.tsx';

export type DeadlinesSectionProps = { course: CourseDetail; today: string };

const deadlineKey = (d: Deadline) => `${d.kind}:${d.crossReferralId ?? ''}`;

/** The course's deadlines as the API derives them; the browser never recomputes a state. */
export function DeadlinesSection({ course, today }: DeadlinesSectionProps) {
  const { t } = useTranslation('deadlines');
  const { t: tw } = useTranslation('worklist');
  const { language } = useLanguage();
  const query = useCourseDeadlines(course.id);
  const canWrite = course.permissions.write && course.closedOn === null;
  const date = (d: string | null) => (d ? formatDate(d, language) : t('section.none'));
  const columns: Column<Deadline>[] = [
    { key: 'kind', header: t('section.columns.kind'), rowHeader: true, render: (d) => tw(`kinds.${d.kind}`) },
    { key: 'actor', header: t('section.columns.actor'), render: (d) => t(`section.actor.${d.actor}`, { code: d.municipalityCode }) },
    { key: 'started', header: t('section.columns.started'), nowrap: true, render: (d) => date(d.clockStartedOn) },
    { key: 'due', header: t('section.columns.due'), nowrap: true, render: (d) => date(d.dueOn) },
    { key: 'met', header: t('section.columns.met'), nowrap: true, render: (d) => date(d.metOn) },
    { key: 'state', header: t('section.columns.state'), nowrap: true, render: (d) => <Tag tone={deadlineTone(d.state)}>{tw(`states.${d.state}`)}</Tag> },
    { key: 'paused', header: t('section.columns.paused'), numeric: true, render: (d) => String(d.pausedWorkingDays) },
    { key: 'cause', header: t('section.columns.cause'), render: (d) => (d.delayCause ? t(`section.cause.${d.delayCause}`) : t('section.none')) },
  ];
  return (
    <Section title={t('section.title')} description={t('section.intro')}>
      <QueryState query={query}>
        {(data) => (
          <Stack gap="md">
            <Text size="sm">{t('section.asOf', { date: formatDate(data.asOf, language) })}</Text>
            <DataTable columns={columns} rows={data.deadlines} rowKey={deadlineKey} emptyText={t('section.empty')} />
            {canWrite ? (
              <>
                <ResumeDeadlineForms courseId={course.id} deadlines={data.deadlines} today={today} />
                <PauseDeadlineForm courseId={course.id} deadlines={data.deadlines} today={today} />
              </>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
