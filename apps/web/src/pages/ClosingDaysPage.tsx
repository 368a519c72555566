import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ClosingDayForm } from '../features/calendar/components/ClosingDayForm.tsx';
import { ClosingDaysTable } from '../features/calendar/components/ClosingDaysTable.tsx';
import { useClosingDays } from '../features/calendar/hooks/useClosingDays.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function ClosingDaysPage() {
  const { t } = useTranslation('calendar');
  const query = useClosingDays();
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            <Section title={t('listTitle', { name: data.municipality.name })}>
              <ClosingDaysTable data={data} />
            </Section>
            {data.permissions.editMunicipality || data.permissions.editDefault ? <ClosingDayForm data={data} today={danishToday()} /> : <Text>{t('readOnly')}</Text>}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
