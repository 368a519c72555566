import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { HomeStatusNote } from '@samkraft/contracts/status-notes';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import type { InboxFilter } from '../api/statusNotesApi.ts';
import { useStatusNoteInbox } from '../hooks/useStatusNotes.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { ReadTag } from './NoteTags.tsx';

/** Unread rows are bold (and tagged "Ulæst": weight is never the only carrier of the state). */
function Cell({ note, children }: { note: HomeStatusNote; children: ReactNode }) {
  return (
    <Text span size="sm" fw={note.readAt === null ? 700 : 400}>
      {children}
    </Text>
  );
}

export function OpenNoteLink({ note }: { note: HomeStatusNote }) {
  const { t } = useTranslation('statusNotes');
  return (
    <RouterAnchor to="/statusnotater/$statusNoteId" params={{ statusNoteId: note.id }} aria-label={t('openNote', { name: note.citizenName, kind: t(`kinds.${note.kind}`) })}>
      {t('open')}
    </RouterAnchor>
  );
}

export function StatusNoteInbox({ filter, onFilter }: { filter: InboxFilter; onFilter: (f: InboxFilter) => void }) {
  const { t } = useTranslation('statusNotes');
  const { language } = useLanguage();
  const query = useStatusNoteInbox(filter);
  return (
    <Stack gap="md">
      <Group component="fieldset" gap="lg" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500} mb={4}>
          {t('filters')}
        </Text>
        <Checkbox label={t('filterUnread')} checked={filter.unread} onChange={(e) => onFilter({ ...filter, unread: e.currentTarget.checked })} />
        <Checkbox label={t('filterMine')} checked={filter.mine} onChange={(e) => onFilter({ ...filter, mine: e.currentTarget.checked })} />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <DataTable
            label={t('title')}
            rows={data.items}
            rowKey={(n) => n.id}
            emptyText={filter.unread ? t('emptyUnread') : t('empty')}
            columns={[
              { key: 'sent', header: t('sentAt'), nowrap: true, render: (n) => <Cell note={n}>{formatDate(danishDateOf(n.sentAt), language)}</Cell> },
              {
                key: 'citizen',
                header: t('citizen'),
                rowHeader: true,
                render: (n) => (
                  <Cell note={n}>
                    {n.citizenName}{' '}
                    <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {n.citizenIdentifier}
                    </Text>
                  </Cell>
                ),
              },
              { key: 'kind', header: t('kindColumn'), render: (n) => <Cell note={n}>{t(`kinds.${n.kind}`)}</Cell> },
              {
                key: 'from',
                header: t('from'),
                render: (n) => (
                  <Cell note={n}>
                    {n.providerMunicipalityName} · {n.interventionName}
                  </Cell>
                ),
              },
              { key: 'contact', header: t('contactPerson'), render: (n) => <Cell note={n}>{n.contactPersonName ?? '—'}</Cell> },
              { key: 'state', header: t('state'), render: (n) => <ReadTag readAt={n.readAt} /> },
              { key: 'open', header: t('open'), render: (n) => <OpenNoteLink note={n} /> },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}
