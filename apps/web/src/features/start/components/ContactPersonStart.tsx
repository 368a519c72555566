import { Stack } from '@mantine/core';
import type { StartPage } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';
import { CourseTable } from './CourseTable.tsx';

export type ContactPersonStartProps = { data: Extract<StartPage, { kind: 'contact_person' }> };

export function ContactPersonStart({ data }: ContactPersonStartProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Section title={t('start.myCitizens')}>
        <CourseTable courses={data.myCourses} emptyText={t('start.myCitizensEmpty')} />
      </Section>
      <Section title={t('start.unassigned')} description={t('start.unassignedIntro', { municipality: data.municipality.name })}>
        <CourseTable courses={data.unassigned} emptyText={t('start.unassignedEmpty')} />
      </Section>
    </Stack>
  );
}
