import { Button } from '@mantine/core';
import type { ClosingDayItem, ClosingDays } from '@samkraft/contracts/calendar';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n/language.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useDeleteClosingDay } from '../hooks/useClosingDays.ts';

export type ClosingDaysTableProps = { data: ClosingDays };

export function ClosingDaysTable({ data }: ClosingDaysTableProps) {
  const { t } = useTranslation('calendar');
  const { language } = useLanguage();
  const remove = useDeleteClosingDay();
  const dayMonth = new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const when = (d: ClosingDayItem) => (d.date ? formatDate(d.date, language) : t('everyYear', { date: dayMonth.format(new Date(Date.UTC(2024, (d.month ?? 1) - 1, d.day ?? 1))) }));
  const columns: Column<ClosingDayItem>[] = [
    { key: 'when', header: t('columns.when'), rowHeader: true, nowrap: true, render: when },
    { key: 'label', header: t('columns.label'), render: (d) => d.label },
    {
      key: 'set',
      header: t('columns.set'),
      render: (d) => (d.municipalityCode === null ? <Tag tone="gray">{t('sets.default')}</Tag> : <Tag tone="blue">{t('sets.own', { name: data.municipality.name })}</Tag>),
    },
    {
      key: 'actions',
      header: t('columns.actions'),
      render: (d) =>
        d.editable ? (
          <Button size="xs" variant="default" loading={remove.isPending && remove.variables === d.id} onClick={() => remove.mutate(d.id)} aria-label={t('delete', { label: `${d.label} (${when(d)})` })}>
            {t('delete', { label: '' }).trim()}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable columns={columns} rows={data.days} rowKey={(d) => d.id} emptyText={t('empty')} />
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </>
  );
}
