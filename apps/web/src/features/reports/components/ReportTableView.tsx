import { Text } from '@mantine/core';
import type { ReportRow, ReportTable } from '@samkraft/contracts/reports';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatCell } from '../utils/reportParams.ts';

/** One of the report's tables, as the server shaped it (Danish labels), totals in bold. */
export function ReportTableView({ table }: { table: ReportTable }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const bold = (row: ReportRow, text: string) => (row.total ? <strong>{text}</strong> : text);
  const columns: Column<ReportRow>[] = [
    { key: 'label', header: table.rowHeader || '\u00a0', render: (r) => bold(r, r.label), rowHeader: true },
    ...table.columns.map(
      (c, j): Column<ReportRow> => ({ key: c.key, header: c.label, numeric: true, nowrap: true, render: (r) => bold(r, formatCell(r.cells[j] ?? null, c.format, r.suppressed[j] === true, language)) }),
    ),
  ];
  if (table.rows.some((r) => r.note !== null)) columns.push({ key: 'note', header: t('note'), render: (r) => r.note ?? '' });
  return (
    <Section title={table.title}>
      <DataTable columns={columns} rows={table.rows} rowKey={(r) => r.key} emptyText={t('empty')} />
      {table.notes.map((n) => (
        <Text key={n} size="sm" c="dimmed">
          {n}
        </Text>
      ))}
    </Section>
  );
}
