import { Group, Stack, Text } from '@mantine/core';
import type { StartCourse } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { courseStepLabel, courseStepTone } from '../../courses/utils/courseStep.ts';
import { deadlineTone } from '../../deadlines/utils/deadlineTone.ts';
import { CitizenFlags } from './CitizenFlags.tsx';

export type CourseTableProps = { courses: readonly StartCourse[]; emptyText: string };

/** The courses as the server ordered them, most urgent deadline first; the browser never recomputes a deadline. */
export function CourseTable({ courses, emptyText }: CourseTableProps) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('worklist');
  const { language } = useLanguage();
  const columns: Column<StartCourse>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      rowHeader: true,
      render: (c) => (
        <Stack gap={4} align="flex-start">
          <RouterAnchor to="/forloeb/$courseId" params={{ courseId: c.courseId }}>
            {c.citizen.name}
          </RouterAnchor>
          <CitizenFlags citizen={c.citizen} />
        </Stack>
      ),
    },
    { key: 'identifier', header: t('columns.identifier'), nowrap: true, render: (c) => c.citizen.identifier },
    {
      key: 'diagnosis',
      header: t('columns.diagnosis'),
      render: (c) => (c.diagnosis ? `${c.diagnosis.code} ${c.diagnosis.title}` : t('citizen.noDiagnosis')),
    },
    { key: 'received', header: t('columns.received'), nowrap: true, render: (c) => formatDate(c.receivedOn, language) },
    {
      key: 'step',
      header: t('columns.step'),
      render: (c) => <Tag tone={courseStepTone(c.step)}>{courseStepLabel(c.step, language)}</Tag>,
    },
    {
      key: 'deadline',
      header: t('columns.deadline'),
      render: (c) =>
        c.nextDeadline ? (
          <Stack gap={2} align="flex-start" data-testid="course-deadline" data-state={c.nextDeadline.state}>
            <Group gap={6} wrap="nowrap">
              <Text component="span" size="sm" fw={c.nextDeadline.state === 'overdue' ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.nextDeadline.dueOn, language)}
              </Text>
              <Tag tone={deadlineTone(c.nextDeadline.state)}>{tw(`states.${c.nextDeadline.state}`)}</Tag>
            </Group>
            <Text component="span" size="xs" c="dimmed">
              {tw(`kinds.${c.nextDeadline.kind}`)}
            </Text>
          </Stack>
        ) : (
          tw('noDeadline')
        ),
    },
  ];
  return <DataTable columns={columns} rows={courses} rowKey={(c) => c.courseId} emptyText={emptyText} stackOnNarrow />;
}
