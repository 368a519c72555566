import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/extractsApi.ts';

/** Download links: the browser saves the file the server sends (audited per citizen). */
export function ExtractExport() {
  const { t } = useTranslation('extracts');
  return (
    <Stack gap="sm">
      <Text>{t('exportIntro')}</Text>
      <Group>
        <Button component="a" href={exportUrl('xlsx')} download variant="light">
          {t('exportXlsx')}
        </Button>
        <Button component="a" href={exportUrl('csv', 'referrals')} download variant="default">
          {t('exportReferrals')}
        </Button>
        <Button component="a" href={exportUrl('csv', 'interventions')} download variant="default">
          {t('exportInterventions')}
        </Button>
      </Group>
    </Stack>
  );
}
