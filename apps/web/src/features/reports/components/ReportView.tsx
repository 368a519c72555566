import { Button, Group, Stack, Text } from '@mantine/core';
import { reportFormats, type Report, type ReportFormat } from '@samkraft/contracts/reports';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { IndicatorList } from './IndicatorList.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { TrendChart } from './TrendChart.tsx';

/** The report: downloads, indicators, the trend chart and every table. */
export function ReportView({ report, exportUrl }: { report: Report; exportUrl: (format: ReportFormat) => string }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const trend = report.tables.find((x) => x.id === 'trend');
  return (
    <Stack gap="xl">
      <Text size="sm">
        {t('about', {
          period: `${formatDate(report.period.from, language)}–${formatDate(report.period.to, language)}`,
          municipalities: report.municipalities.map((m) => m.name).join(', '),
          asOf: formatDate(report.asOf, language),
        })}
      </Text>
      <Section title={t('downloads.title')}>
        <Group gap="sm">
          {reportFormats.map((f) => (
            <Button key={f} component="a" href={exportUrl(f)} download variant="light">
              {t(`downloads.${f}`)}
            </Button>
          ))}
        </Group>
      </Section>
      {report.suppressed ? <Text size="sm">{t('suppressedLegend')}</Text> : null}
      <IndicatorList indicators={report.indicators} suppressed={report.suppressed} />
      {trend ? <TrendChart table={trend} /> : null}
      {report.tables.map((table) => (
        <ReportTableView key={table.id} table={table} />
      ))}
    </Stack>
  );
}
