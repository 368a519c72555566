import type { KlExportSummary } from '@samkraft/contracts/kl-gateway';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';

export function KlExportTable({ exports }: { exports: readonly KlExportSummary[] }) {
  const { t } = useTranslation('klGateway');
  const { language } = useLanguage();
  const date = (d: string) => formatDate(d, language);
  const columns: Column<KlExportSummary>[] = [
    { key: 'createdAt', header: t('list.columns.createdAt'), nowrap: true, rowHeader: true, render: (e) => date(danishDateOf(e.createdAt)) },
    { key: 'basis', header: t('list.columns.basis'), render: (e) => `${t(`bases.${e.legalBasis}`)} (${t(`list.modes.${e.mode}`)})` },
    { key: 'period', header: t('list.columns.period'), nowrap: true, render: (e) => t('list.period', { from: date(e.from), to: date(e.to) }) },
    { key: 'by', header: t('list.columns.by'), render: (e) => e.createdBy },
    { key: 'reported', header: t('list.columns.reported'), numeric: true, render: (e) => e.reported },
    { key: 'unchanged', header: t('list.columns.unchanged'), numeric: true, render: (e) => e.unchanged },
    { key: 'leftOut', header: t('list.columns.leftOut'), numeric: true, render: (e) => e.leftOut.length },
  ];
  return <DataTable columns={columns} rows={exports} rowKey={(e) => e.id} emptyText={t('list.empty')} stackOnNarrow />;
}
