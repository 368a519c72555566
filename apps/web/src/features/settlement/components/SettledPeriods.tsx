import type { SettlementList } from '@samkraft/contracts/settlement';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatKr } from '../utils/format.ts';

type Settled = SettlementList['settlements'][number];

/** The periods settled net, oldest first. */
export function SettledPeriods({ settlements }: { settlements: readonly Settled[] }) {
  const { t } = useTranslation('settlement');
  const { language } = useLanguage();
  const columns: Column<Settled>[] = [
    { key: 'period', header: t('settled.columns.period'), render: (s) => `${s.from} – ${s.to}`, rowHeader: true, nowrap: true },
    { key: 'lockedAt', header: t('settled.columns.lockedAt'), render: (s) => danishDateOf(new Date(s.lockedAt)), nowrap: true },
    { key: 'by', header: t('settled.columns.by'), render: (s) => s.lockedBy },
    { key: 'total', header: t('settled.columns.total'), render: (s) => formatKr(s.totalKr, language), numeric: true, nowrap: true },
  ];
  return <DataTable columns={columns} rows={settlements} rowKey={(s) => s.id} emptyText={t('settled.empty')} stackOnNarrow />;
}
