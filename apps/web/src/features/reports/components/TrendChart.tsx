import { BarChart } from '@mantine/charts';
import type { ReportTable } from '@samkraft/contracts/reports';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';

/** Referred, offered, served elsewhere and completed per half-year (the trend table as bars). */
export function TrendChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation('reports');
  const keys = ['referred', 'offered', 'servedElsewhere', 'completed'] as const;
  const colors = ['teal.8', 'blue.7', 'grape.7', 'orange.8'];
  const data = table.rows.map((r) => ({ period: r.label, ...Object.fromEntries(keys.map((k, j) => [k, r.suppressed[j] ? 0 : (r.cells[j] ?? 0)])) }));
  return (
    <Section title={t('charts.trend')}>
      <div role="img" aria-label={`${t('charts.trend')}: ${table.rows.map((r) => `${r.label} ${r.suppressed[0] ? '..' : String(r.cells[0] ?? 0)} ${t('charts.referred').toLowerCase()}`).join(', ')}`}>
        <BarChart h={260} data={data} dataKey="period" withLegend series={keys.map((k, i) => ({ name: k, label: t(`charts.${k}`), color: colors[i] ?? 'gray.7' }))} />
      </div>
    </Section>
  );
}
