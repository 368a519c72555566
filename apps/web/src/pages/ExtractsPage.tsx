import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExtractExport } from '../features/extracts/components/ExtractExport.tsx';
import { ExtractImport } from '../features/extracts/components/ExtractImport.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Section } from '../ui/Section.tsx';

export function ExtractsPage() {
  const { t } = useTranslation('extracts');
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <Section title={t('importTitle')}>
          <ExtractImport />
        </Section>
        <Section title={t('exportTitle')}>
          <ExtractExport />
        </Section>
      </Stack>
    </>
  );
}
