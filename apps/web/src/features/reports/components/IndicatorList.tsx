import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ReportIndicator } from '@samkraft/contracts/reports';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatCell } from '../utils/reportParams.ts';

const tone = { met: 'green', not_met: 'red', no_data: 'gray' } as const;

/** The five indicators of note §11 Table 7, each against its target; shares drawn as bars. */
export function IndicatorList({ indicators, suppressed }: { indicators: readonly ReportIndicator[]; suppressed: boolean }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  return (
    <Section title={t('indicators.title')}>
      <Stack gap="sm">
        {indicators.map((i) => {
          // Hidden for publication: a count under five, or a share of under five answers.
          const hidden = suppressed && (i.unit === 'count' ? i.value === null : i.basis === null);
          const value = formatCell(i.value, i.unit, hidden, language);
          return (
            <Stack key={i.number} gap={4}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Text fw={500}>
                  {i.number}. {i.label}
                </Text>
                <Tag tone={tone[i.status]}>{t(`indicators.status.${i.status}`)}</Tag>
              </Group>
              <Text size="sm">
                {t('indicators.value')}: {value} · {t('indicators.target')}: {i.target}
                {i.compareValue !== null ? ` · ${t('indicators.compare')}: ${formatCell(i.compareValue, i.unit, false, language)}` : ''}
                {i.basis !== null ? ` · ${t('indicators.basis')}: ${formatCell(i.basis, 'count', false, language)}` : ''}
              </Text>
              {i.number === 4 || i.number === 5 ? (
                <Text size="sm">
                  {t('indicators.citizenAnswers')}: {formatCell(i.citizenAnswers, 'count', suppressed && i.citizenAnswers === null, language)}
                </Text>
              ) : null}
              {i.unit === 'share' && i.value !== null ? (
                <Progress value={i.value * 100} color={tone[i.status]} aria-label={`${i.number}. ${i.label}: ${value}`} size="md" />
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </Section>
  );
}
