import { Group, NativeSelect, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodChoice } from '../utils/periodChoices.ts';

export type DashboardChoices = { period: PeriodChoice; suppress: boolean };

/** The period (the last two years or one year) and small-number suppression. */
export function DashboardFilters({ choices, years, onChange }: { choices: DashboardChoices; years: number[]; onChange: (c: DashboardChoices) => void }) {
  const { t } = useTranslation('dashboard');
  return (
    <Group align="end" gap="lg">
      <NativeSelect
        label={t('filters.period')}
        value={choices.period}
        onChange={(e) => onChange({ ...choices, period: e.currentTarget.value as PeriodChoice })}
        data={[{ value: 'lastTwoYears', label: t('filters.lastTwoYears') }, ...years.map((y) => ({ value: String(y), label: t('filters.year', { year: y }) }))]}
      />
      <Switch label={t('filters.suppress')} checked={choices.suppress} onChange={(e) => onChange({ ...choices, suppress: e.currentTarget.checked })} />
    </Group>
  );
}
