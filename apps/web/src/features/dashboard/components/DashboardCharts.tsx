import { Stack, Text } from '@mantine/core';
import type { Dashboard, SettlementBalance } from '@samkraft/contracts/dashboard';
import { balanceChart, flowsChart, indicatorsChart, referralsChart, teamsChart, waitingChart, type ChartTexts } from '@samkraft/contracts/dashboard-charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { da, en } from '../i18n.ts';
import { ChartPanel } from './ChartPanel.tsx';

/** The charts' own words in the page's language, one object per language (so the charts are not redrawn on every render). */
function useChartTexts(): ChartTexts {
  const { language } = useLanguage();
  return language === 'da' ? da.chart : en.chart;
}

/** Taller for more rows, so every bar and node keeps a readable label. */
const heightFor = (rows: number) => Math.max(320, 100 + rows * 28);

/** The dashboard's five panels from `GET /api/dashboard`, charts built by the PDF's builder. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const texts = useChartTexts();
  const options = useMemo(() => {
    const o = { animation: true };
    return {
      referrals: referralsChart(dashboard.referrals, texts, o),
      flows: flowsChart(dashboard.flows, texts, o),
      indicators: indicatorsChart(dashboard.indicators, dashboard.indicatorTargets, texts, o),
      waiting: waitingChart(dashboard.waiting, texts, o),
      teams: teamsChart(dashboard.teams, texts, o),
    };
  }, [dashboard, texts]);
  return (
    <Stack gap="xl">
      <ChartPanel panel="referrals" table={dashboard.referrals} option={options.referrals} names={texts} />
      <ChartPanel panel="flows" table={dashboard.flows} option={options.flows} names={texts} height={heightFor(dashboard.flows.rows.length)} />
      <ChartPanel panel="indicators" table={dashboard.indicators} option={options.indicators} names={texts} height={420} />
      <ChartPanel panel="waiting" table={dashboard.waiting} option={options.waiting} names={texts} height={heightFor(dashboard.waiting.rows.length)} />
      <ChartPanel panel="teams" table={dashboard.teams} option={options.teams} names={texts} height={heightFor(dashboard.teams.rows.length)} />
    </Stack>
  );
}

/** The settlement-balance panel (its own endpoint): units until settlement prices it, then kroner. */
export function BalancePanel({ balance }: { balance: SettlementBalance }) {
  const { t } = useTranslation('dashboard');
  const texts = useChartTexts();
  const unit = t(`unit.${balance.unit}`);
  const option = useMemo(() => balanceChart(balance.table, unit, texts, { animation: true }), [balance, unit, texts]);
  return (
    <ChartPanel panel="balance" table={balance.table} option={option} names={texts} height={heightFor(balance.rows.length)}>
      {balance.unit === 'sessions' ? <Text size="sm">{t('balanceUnits')}</Text> : null}
    </ChartPanel>
  );
}
