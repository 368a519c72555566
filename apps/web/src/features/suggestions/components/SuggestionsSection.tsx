import { Stack, Text, Title } from '@mantine/core';
import type { CourseSuggestions, SuggestionProvider } from '@samkraft/contracts/suggestions';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseSuggestions } from '../hooks/useSuggestions.ts';
import { da } from '../i18n.ts';
import { hasKey } from '@samkraft/contracts/typed';

/** `defaultOpen` given: the section folds away under its heading (see `Section`). */
export type SuggestionsSectionProps = { courseId: string; defaultOpen?: boolean };

/** "Forslag til indsatser": eligible interventions with their routed providers (issue 4, item 2). */
export function SuggestionsSection({ courseId, defaultOpen }: SuggestionsSectionProps) {
  const { t } = useTranslation('suggestions');
  const query = useCourseSuggestions(courseId);
  return (
    <Section title={t('title')} description={t('intro')} defaultOpen={defaultOpen}>
      <QueryState query={query}>{(data) => <SuggestionList data={data} />}</QueryState>
    </Section>
  );
}

function SuggestionList({ data }: { data: CourseSuggestions }) {
  const { t } = useTranslation('suggestions');
  const { language } = useLanguage();
  const km = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });
  const b = data.basis;
  const areas =
    b.assessedOn === null || b.areas.length === 0
      ? t('noAssessment')
      : t('areas', { date: formatDate(b.assessedOn, language), areas: b.areas.map((a) => (hasKey(da.areaNames, a) ? t(`areaNames.${a}`) : a)).join(', ') });
  const columns: Column<SuggestionProvider>[] = [
    {
      key: 'provider',
      header: t('columns.provider'),
      rowHeader: true,
      render: (p) => (
        <>
          {p.host.name}{' '}
          {p.inferred ? (
            <span title={p.routingNote ?? t('inferredTitle')}>
              <Tag tone="yellow">{t('inferred')}</Tag>
            </span>
          ) : null}
        </>
      ),
    },
    { key: 'place', header: t('columns.place'), render: (p) => [p.placeName, p.address].filter(Boolean).join(', ') },
    { key: 'distance', header: t('columns.distance'), nowrap: true, render: (p) => (p.distanceKm === null ? t('unknown') : t('km', { km: km.format(p.distanceKm) })) },
    { key: 'next', header: t('columns.nextStart'), nowrap: true, render: (p) => (p.nextTeamStartOn ? formatDate(p.nextTeamStartOn, language) : t('noTeam')) },
    { key: 'free', header: t('columns.freeSeats'), render: (p) => (p.waiting > 0 ? t('waiting', { free: p.freeSeats, waiting: p.waiting }) : String(p.freeSeats)) },
    { key: 'wait', header: t('columns.wait'), nowrap: true, render: (p) => (p.expectedWaitWeeks === null ? t('unknown') : t('weeks', { count: p.expectedWaitWeeks })) },
  ];
  return (
    <Stack gap="md">
      <Text size="sm">{t('basis', { sex: t(`sex.${b.sex}`), age: b.age, diagnosis: b.diagnosisCode ?? t('noDiagnosis'), areas })}</Text>
      {data.suggestions.length === 0 ? <Text>{t('empty')}</Text> : null}
      {data.suggestions.map((s) => (
        <Stack key={s.interventionCode} gap="xs">
          <Title order={3} size="h4">
            {language === 'en' ? s.nameEn : s.nameDa}
          </Title>
          {s.targetTextDa ? <Text size="sm">{s.targetTextDa}</Text> : null}
          <DataTable label={language === 'en' ? s.nameEn : s.nameDa} columns={columns} rows={s.providers} rowKey={(p) => p.offeringId} emptyText={t('noProvider')} />
        </Stack>
      ))}
      <Text size="xs" c="dimmed">
        {t('distanceNote')} {t('waitNote')}
      </Text>
    </Stack>
  );
}
