import { Pagination, Stack, Text } from '@mantine/core';
import type { ClosedCourseItem } from '@samkraft/contracts/worklist';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate, formatNumber } from '../../../ui/utils/formatDate.ts';
import { useClosedCourses } from '../hooks/useClosedCourses.ts';

const PAGE_SIZE = 50;

/** The municipality's closed courses, the most recently closed first: the worklist shows only open ones. */
export function ClosedCoursesList() {
  const { t } = useTranslation('worklist');
  const { language } = useLanguage();
  const [page, setPage] = useState(1);
  const query = useClosedCourses({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const columns: Column<ClosedCourseItem>[] = [
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
    { key: 'received', header: t('closedColumns.received'), nowrap: true, render: (i) => formatDate(i.receivedOn, language) },
    { key: 'closed', header: t('closedColumns.closed'), nowrap: true, render: (i) => formatDate(i.closedOn, language) },
    { key: 'reason', header: t('closedColumns.reason'), render: (i) => t(`closeReasons.${i.closeReason}`) },
    { key: 'contact', header: t('columns.contactPerson'), render: (i) => i.contactPerson?.name ?? t('noContactPerson') },
  ];
  return (
    <QueryState query={query}>
      {(data) => (
        <Section title={t('closedTitle')}>
          <Stack gap="sm">
            {data.total > 0 && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('showing', { from: formatNumber(data.offset + 1, language), to: formatNumber(data.offset + data.items.length, language), total: formatNumber(data.total, language) })}
              </Text>
            )}
            <DataTable columns={columns} rows={data.items} rowKey={(i) => i.courseId} emptyText={t('closedEmpty')} />
            {data.total > data.limit && (
              <Pagination
                total={Math.ceil(data.total / data.limit)}
                value={page}
                onChange={setPage}
                aria-label={t('pages')}
                getControlProps={(control) => ({ 'aria-label': t(`pageControls.${control}`) })}
              />
            )}
          </Stack>
        </Section>
      )}
    </QueryState>
  );
}
