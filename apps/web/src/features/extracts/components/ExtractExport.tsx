import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { ExtractExportScope } from '@samkraft/contracts/extracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/extractsApi.ts';

/** The shortest purpose the server accepts (extractExportQuery). */
const MIN_PURPOSE = 5;

/**
 * Download links once a scope and a purpose are chosen: the browser saves the file the server
 * sends. The server decides who may export what and logs each citizen with the purpose.
 */
export function ExtractExport() {
  const { t } = useTranslation('extracts');
  const [scope, setScope] = useState<ExtractExportScope>('municipality');
  const [purpose, setPurpose] = useState('');
  const ready = purpose.trim().length >= MIN_PURPOSE;
  const link = (format: 'xlsx' | 'csv', table?: 'referrals' | 'interventions') => (ready ? { component: 'a' as const, href: exportUrl(format, { scope, purpose }, table), download: true } : { disabled: true });
  return (
    <Stack gap="sm">
      <Text>{t('exportIntro')}</Text>
      <Radio.Group label={t('exportScope')} value={scope} onChange={(v) => setScope(v)}>
        <Stack gap="xs" mt="xs">
          <Radio value="municipality" label={t('exportScopeMunicipality')} />
          <Radio value="collaboration" label={t('exportScopeCollaboration')} />
        </Stack>
      </Radio.Group>
      <TextInput label={t('exportPurpose')} description={t('exportPurposeHint')} required value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} maxLength={300} />
      <Group>
        <Button {...link('xlsx')} variant="light">
          {t('exportXlsx')}
        </Button>
        <Button {...link('csv', 'referrals')} variant="default">
          {t('exportReferrals')}
        </Button>
        <Button {...link('csv', 'interventions')} variant="default">
          {t('exportInterventions')}
        </Button>
      </Group>
    </Stack>
  );
}
