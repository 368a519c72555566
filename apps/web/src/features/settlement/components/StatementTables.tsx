import { Stack } from '@mantine/core';
import type { MunicipalityBalance, PairSettlement, SettlementLine, SettlementStatement } from '@samkraft/contracts/settlement';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatKr, formatShare } from '../utils/format.ts';

export type StatementTablesProps = { statement: SettlementStatement };

/** The statement's tables: per municipality, per pair (net settlement) and the lines behind them. */
export function StatementTables({ statement }: StatementTablesProps) {
  const { t } = useTranslation('settlement');
  const { language } = useLanguage();
  const kr = (v: number) => formatKr(v, language);
  const nameOf = (code: string) => statement.municipalityNames[code] ?? code;
  const municipalityColumns: Column<MunicipalityBalance>[] = [
    { key: 'name', header: t('statement.columns.municipality'), render: (m) => m.name, rowHeader: true },
    { key: 'deliveredUnits', header: t('statement.columns.deliveredUnits'), render: (m) => m.deliveredUnits, numeric: true },
    { key: 'deliveredKr', header: t('statement.columns.deliveredKr'), render: (m) => kr(m.deliveredKr), numeric: true, nowrap: true },
    { key: 'receivedUnits', header: t('statement.columns.receivedUnits'), render: (m) => m.receivedUnits, numeric: true },
    { key: 'receivedKr', header: t('statement.columns.receivedKr'), render: (m) => kr(m.receivedKr), numeric: true, nowrap: true },
    { key: 'netKr', header: t('statement.columns.netKr'), render: (m) => kr(m.netKr), numeric: true, nowrap: true },
    { key: 'deviation', header: t('statement.columns.deviation'), render: (m) => formatShare(m.deviationShare, language), numeric: true, nowrap: true },
  ];
  const pairColumns: Column<PairSettlement>[] = [
    { key: 'payer', header: t('statement.columns.payer'), render: (p) => p.payerName, rowHeader: true },
    { key: 'payee', header: t('statement.columns.payee'), render: (p) => p.payeeName },
    { key: 'amount', header: t('statement.columns.amount'), render: (p) => kr(p.amountKr), numeric: true, nowrap: true },
  ];
  const lineColumns: Column<SettlementLine>[] = [
    { key: 'provider', header: t('statement.columns.provider'), render: (l) => nameOf(l.provider), rowHeader: true },
    { key: 'home', header: t('statement.columns.home'), render: (l) => nameOf(l.home) },
    { key: 'intervention', header: t('statement.columns.intervention'), render: (l) => statement.interventionNames[l.interventionCode] ?? l.interventionCode },
    { key: 'unit', header: t('statement.columns.unit'), render: (l) => t(`units.${l.unit}`) },
    { key: 'units', header: t('statement.columns.units'), render: (l) => l.units, numeric: true },
    { key: 'price', header: t('statement.columns.price'), render: (l) => (l.priceKr === null ? t('statement.noTariff') : kr(l.priceKr)), numeric: true, nowrap: true },
    { key: 'amount', header: t('statement.columns.lineAmount'), render: (l) => kr(l.amountKr), numeric: true, nowrap: true },
    { key: 'corrects', header: t('statement.columns.corrects'), render: (l) => (l.corrects ? `${l.corrects.from} – ${l.corrects.to}` : ''), nowrap: true },
  ];
  const lineKey = (l: SettlementLine) => [l.provider, l.home, l.interventionCode, l.unit, l.priceKr ?? '', l.corrects?.from ?? ''].join('|');
  return (
    <Stack gap="lg">
      <Section title={t('statement.municipalities')}>
        <DataTable columns={municipalityColumns} rows={statement.municipalities} rowKey={(m) => m.code} emptyText={t('statement.noLines')} stackOnNarrow />
      </Section>
      {statement.mode === 'net' ? (
        <Section title={t('statement.pairs')}>
          <DataTable columns={pairColumns} rows={statement.pairs} rowKey={(p) => `${p.payer}|${p.payee}`} emptyText={t('statement.noPairs')} stackOnNarrow />
        </Section>
      ) : null}
      <Section title={t('statement.lines')} defaultOpen={statement.lines.length <= 20}>
        <DataTable columns={lineColumns} rows={statement.lines} rowKey={lineKey} emptyText={t('statement.noLines')} stackOnNarrow />
      </Section>
    </Stack>
  );
}
