import { Table } from '@mantine/core';
import type { MunicipalityCounts, StartPage } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatNumber } from '../../../ui/utils/formatDate.ts';
import { sumMunicipalityCounts } from '../utils/totals.ts';

export type CoordinatorStartProps = { data: Extract<StartPage, { kind: 'coordinator' }> };

const countKeys = ['referrals', 'openCourses', 'referredToOthers', 'receivedFromOthers'] as const;

/** Aggregates only: coordinators never see person-level data. */
export function CoordinatorStart({ data }: CoordinatorStartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = [...data.municipalities].sort((a, b) => a.municipality.name.localeCompare(b.municipality.name, 'da'));
  const totals = sumMunicipalityCounts(rows);
  const columns: Column<MunicipalityCounts>[] = [
    { key: 'municipality', header: t('columns.municipality'), rowHeader: true, render: (r) => r.municipality.name },
    ...countKeys.map((key) => ({
      key,
      header: t(`columns.${key}`),
      numeric: true,
      render: (r: MunicipalityCounts) => formatNumber(r[key], language),
    })),
  ];
  const footer = (
    <Table.Tr>
      <Table.Th scope="row">{t('columns.total')}</Table.Th>
      {countKeys.map((key) => (
        <Table.Td key={key} ta="right" fw={600}>
          {formatNumber(totals[key], language)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Section title={t('start.municipalities', { year: data.year })} description={t('start.aggregatesOnly')}>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.municipality.code}
        emptyText={t('start.municipalitiesEmpty', { year: data.year })}
        footer={footer}
      />
    </Section>
  );
}
