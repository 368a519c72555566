import { Text } from '@mantine/core';
import type { DashboardTable } from '@samkraft/contracts/dashboard';
import type { ReportRow } from '@samkraft/contracts/reports';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { formatCell } from '../../reports/utils/reportParams.ts';

export type DashboardTableViewProps = {
  /** The panel's table, or the part a drill keeps of it. */
  table: DashboardTable;
  label: string;
  caption?: ReactNode;
};

/** A panel's table as the server shaped it (Danish labels, as the report's), totals in bold. */
export function DashboardTableView({ table, label, caption }: DashboardTableViewProps) {
  const { rows } = table;
  const { t } = useTranslation('dashboard');
  const { language } = useLanguage();
  const bold = (row: ReportRow, text: string) => (row.total ? <strong>{text}</strong> : text);
  const columns: Column<ReportRow>[] = [
    { key: 'label', header: table.rowHeader || '\u00a0', render: (r) => bold(r, r.label), rowHeader: true },
    ...table.columns.map(
      (c, j): Column<ReportRow> => ({ key: c.key, header: c.label, numeric: true, nowrap: true, render: (r) => bold(r, formatCell(r.cells[j] ?? null, c.format, r.suppressed[j] === true, language)) }),
    ),
  ];
  if (rows.some((r) => r.note !== null)) columns.push({ key: 'note', header: t('note'), render: (r) => r.note ?? '' });
  return (
    <>
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} emptyText={t('empty')} label={label} caption={caption} />
      {table.notes.map((n) => (
        <Text key={n} size="sm" c="dimmed">
          {n}
        </Text>
      ))}
    </>
  );
}
