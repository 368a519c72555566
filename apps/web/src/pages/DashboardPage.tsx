import { Stack, Text } from '@mantine/core';
import type { DashboardQuery } from '@samkraft/contracts/dashboard';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { BalancePanel, DashboardCharts } from '../features/dashboard/components/DashboardCharts.tsx';
import { DashboardFilters, type DashboardChoices } from '../features/dashboard/components/DashboardFilters.tsx';
import { useDashboard, useSettlementBalance } from '../features/dashboard/hooks/useDashboard.ts';
import { addDashboardTexts } from '../features/dashboard/i18n.ts';
import { periodOfChoice, yearsOffered } from '../features/dashboard/utils/periodChoices.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { danishToday } from '../ui/utils/danishToday.ts';
import { formatDate } from '../ui/utils/formatDate.ts';

// The dashboard's texts come with its page, not with the shell every first page loads.
addDashboardTexts(i18next);

/** "Overblik" (issue 14.3): the report's figures as charts for coordinators and leads. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { language } = useLanguage();
  const { role } = useActiveRole();
  const today = danishToday();
  const [choices, setChoices] = useState<DashboardChoices>({ period: 'lastTwoYears', suppress: false });
  const query: DashboardQuery = { ...periodOfChoice(choices.period, today), ...(choices.suppress ? { suppress: 'true' as const } : {}) };
  const dashboard = useDashboard(query);
  const balance = useSettlementBalance(query);
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <DashboardFilters choices={choices} years={yearsOffered(today)} onChange={setChoices} />
        {role === 'municipal_lead' ? <Text size="sm">{t('filters.ownMunicipality')}</Text> : null}
        <QueryState query={dashboard}>
          {(d) => (
            <Stack gap="xl">
              <Text size="sm">
                {t('about', {
                  period: `${formatDate(d.period.from, language)}–${formatDate(d.period.to, language)}`,
                  municipalities: d.municipalities.map((m) => m.name).join(', '),
                  asOf: formatDate(d.asOf, language),
                })}
              </Text>
              {d.suppressed ? <Text size="sm">{t('suppressedLegend')}</Text> : null}
              <DashboardCharts dashboard={d} />
            </Stack>
          )}
        </QueryState>
        <QueryState query={balance}>{(b) => <BalancePanel balance={b} />}</QueryState>
      </Stack>
    </>
  );
}
