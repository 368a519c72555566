import type { WorklistItem } from '@samkraft/contracts/worklist';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { courseStepLabel, courseStepTone } from '../../courses/utils/courseStep.ts';
import { stateTone } from '../utils/stateTone.ts';

export type WorklistTableProps = { items: readonly WorklistItem[]; showContactPerson: boolean };

/** The state shown is the one the server computed (`item.state`); the UI never recomputes a deadline. */
export function WorklistTable({ items, showContactPerson }: WorklistTableProps) {
  const { t } = useTranslation('worklist');
  const { language } = useLanguage();
  const columns: Column<WorklistItem>[] = [
    {
      key: 'citizen',
      header: t('columns.citizen'),
      rowHeader: true,
      render: (i) => (
        <Stack gap={0}>
          <RouterAnchor to="/forloeb/$courseId" params={{ courseId: i.courseId }}>
            {i.citizen.name}
          </RouterAnchor>
          <Text size="sm" c="dimmed">
            {i.citizen.identifier}
          </Text>
        </Stack>
      ),
    },
    { key: 'step', header: t('columns.step'), nowrap: true, render: (i) => <Tag tone={courseStepTone(i.step)}>{courseStepLabel(i.step, language)}</Tag> },
    { key: 'next', header: t('columns.nextStep'), render: (i) => t(`nextSteps.${i.nextStep}`) },
    { key: 'deadline', header: t('columns.deadline'), render: (i) => (i.nextDeadline ? t(`kinds.${i.nextDeadline.kind}`) : t('noDeadline')) },
    { key: 'due', header: t('columns.due'), nowrap: true, render: (i) => (i.nextDeadline ? formatDate(i.nextDeadline.dueOn, language) : '—') },
    {
      key: 'state',
      header: t('columns.state'),
      nowrap: true,
      render: (i) => (
        <span data-testid="deadline-state" data-state={i.state}>
          <Tag tone={stateTone(i.state)}>{t(`states.${i.state}`)}</Tag>
        </span>
      ),
    },
  ];
  if (showContactPerson) {
    columns.push({ key: 'contact', header: t('columns.contactPerson'), render: (i) => i.contactPerson?.name ?? t('noContactPerson') });
  }
  return <DataTable columns={columns} rows={items} rowKey={(i) => i.courseId} emptyText={t('empty')} stackOnNarrow />;
}
