import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { messageDirections, messageKinds, messageStates, type MessageListQuery } from '@samkraft/contracts/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useMunicipalities } from '../../catalogue/hooks/useCatalogue.ts';
import { useMessages } from '../hooks/useMessaging.ts';

const PAGE = 50;

type Filters = Pick<MessageListQuery, 'direction' | 'state' | 'kind' | 'municipalityCode'>;

/** The administrators' view of the inbox and outbox: metadata, states and reasons — never a message's content. */
export function AdminMessageList() {
  const { t } = useTranslation('messaging');
  const { language } = useLanguage();
  const [filters, setFilters] = useState<Filters>({ direction: undefined, state: undefined, kind: undefined, municipalityCode: undefined });
  const [offset, setOffset] = useState(0);
  const query = useMessages({ ...filters, offset, limit: PAGE });
  const municipalities = useMunicipalities();
  const set = <K extends keyof Filters>(key: K, value: string) => {
    setOffset(0);
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  };
  const all = { value: '', label: t('admin.all') };
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" role="group" aria-label={t('admin.filters')}>
        <NativeSelect label={t('admin.direction')} value={filters.direction ?? ''} onChange={(e) => set('direction', e.currentTarget.value)} data={[all, ...messageDirections.map((d) => ({ value: d, label: t(`admin.directions.${d}`) }))]} />
        <NativeSelect label={t('admin.state')} value={filters.state ?? ''} onChange={(e) => set('state', e.currentTarget.value)} data={[all, ...messageStates.map((s) => ({ value: s, label: t(`states.${s}`) }))]} />
        <NativeSelect label={t('admin.kind')} value={filters.kind ?? ''} onChange={(e) => set('kind', e.currentTarget.value)} data={[all, ...messageKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]} />
        <NativeSelect
          label={t('admin.municipality')}
          value={filters.municipalityCode ?? ''}
          onChange={(e) => set('municipalityCode', e.currentTarget.value)}
          data={[all, ...(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))]}
        />
      </Group>
      <QueryState query={query}>
        {(page) => (
          <Section title={t('admin.listLabel')}>
            <Stack gap="xs">
              <Text size="sm" data-testid="messages-total">
                {page.totalCapped ? t('admin.totalCapped', { total: page.total.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB') }) : t('admin.total', { count: page.total })}
              </Text>
              <DataTable
                rows={page.items}
                rowKey={(m) => m.id}
                emptyText={t('admin.empty')}
                stackOnNarrow
                columns={[
                  { key: 'created', header: t('admin.created'), nowrap: true, render: (m) => formatDate(danishDateOf(m.createdAt), language) },
                  { key: 'direction', header: t('admin.direction'), render: (m) => t(`admin.directions.${m.direction}`) },
                  { key: 'kind', header: t('admin.kind'), rowHeader: true, render: (m) => t(`kinds.${m.kind}`) },
                  { key: 'state', header: t('admin.state'), render: (m) => t(`states.${m.state}`) },
                  { key: 'reason', header: t('admin.reason'), render: (m) => m.reason ?? '' },
                  { key: 'sender', header: t('admin.sender'), nowrap: true, render: (m) => m.senderId ?? '' },
                  { key: 'receiver', header: t('admin.receiver'), nowrap: true, render: (m) => m.receiverId ?? '' },
                  { key: 'sends', header: t('admin.sends'), numeric: true, render: (m) => m.sends },
                ]}
              />
              <Group gap="xs">
                <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t('admin.previous')}
                </Button>
                <Button variant="default" size="xs" disabled={offset + PAGE >= page.total && !page.totalCapped} onClick={() => setOffset(offset + PAGE)}>
                  {t('admin.next')}
                </Button>
              </Group>
            </Stack>
          </Section>
        )}
      </QueryState>
    </Stack>
  );
}
