import { Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { InterventionListItem } from '@samkraft/contracts/catalogue';
import type { Municipality } from '@samkraft/contracts/reference';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterInterventions } from '../utils/filterInterventions.ts';
import { InterventionTable } from './InterventionTable.tsx';

export type CatalogueBrowserProps = { items: readonly InterventionListItem[]; municipalities: readonly Municipality[] };

export function CatalogueBrowser({ items, municipalities }: CatalogueBrowserProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hostCode, setHostCode] = useState('');
  const members = municipalities.filter((m) => m.isMember).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const shown = filterInterventions(items, { text, hostCode: hostCode || null });
  if (items.length === 0) return <InterventionTable items={[]} emptyText={t('catalogue.catalogueEmpty')} />;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <TextInput
          type="search"
          label={t('catalogue.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 340 }}
        />
        <NativeSelect
          label={t('catalogue.host')}
          value={hostCode}
          onChange={(e) => setHostCode(e.currentTarget.value)}
          data={[{ value: '', label: t('catalogue.allHosts') }, ...members.map((m) => ({ value: m.code, label: m.name }))]}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <Text size="sm" role="status">
        {t('catalogue.shown', { count: shown.length })}
      </Text>
      <InterventionTable items={shown} emptyText={t('catalogue.empty')} />
    </Stack>
  );
}
