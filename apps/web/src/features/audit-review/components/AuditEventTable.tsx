import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { AuditReviewEvent, AuditReviewFilter } from '@samkraft/contracts/audit-review';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { auditExportUrl } from '../api/auditReviewApi.ts';
import { useAuditEvents } from '../hooks/useAuditReview.ts';

const instant = (iso: string, language: 'da' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));

export type AuditEventTableProps = { filter: AuditReviewFilter; onUser: (user: { id: string; name: string }) => void };

/** The events of the applied filter in words, newest first, paged; the exports of the same filter. */
export function AuditEventTable({ filter, onUser }: AuditEventTableProps) {
  const { t } = useTranslation('auditReview');
  const { language } = useLanguage();
  const events = useAuditEvents(filter);
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const who = (e: AuditReviewEvent) => {
    if (e.who.kind === 'citizen') return t('citizenSelf');
    if (e.who.kind === 'system') return t('system', { label: e.who.label ?? '' });
    const name = e.who.name ?? '';
    const details = [e.who.roles.map((r) => r[language]).join(', '), e.who.municipality?.name].filter(Boolean).join(' · ');
    return (
      <Stack gap={0}>
        {e.who.userId ? (
          <Anchor component="button" type="button" onClick={() => onUser({ id: e.who.userId!, name })} aria-label={t('filterByUser', { name })} ta="left">
            {name}
          </Anchor>
        ) : (
          name
        )}
        <Text size="sm" c="dimmed">
          {details}
        </Text>
      </Stack>
    );
  };
  if (events.isError) return <ErrorAlert error={events.error} />;
  return (
    <Stack gap="xs">
      <DataTable
        label={t('eventsLabel')}
        rows={rows}
        rowKey={(e) => e.id}
        emptyText={events.isPending ? '…' : t('empty')}
        stackOnNarrow
        columns={[
          { key: 'when', header: t('when'), nowrap: true, render: (e) => instant(e.at, language) },
          { key: 'who', header: t('who'), rowHeader: true, render: who },
          { key: 'what', header: t('what'), render: (e) => e.what[language] },
          { key: 'why', header: t('why'), render: (e) => e.why[language] },
          { key: 'citizen', header: t('citizen'), render: (e) => e.citizen?.name ?? '' },
          { key: 'outcome', header: t('result'), nowrap: true, render: (e) => t(`outcomes.${e.outcome}`) },
        ]}
      />
      <Group>
        {events.hasNextPage ? (
          <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('more')}
          </Button>
        ) : null}
        <Anchor href={auditExportUrl(filter, 'csv')} download>
          {t('exportCsv')}
        </Anchor>
        <Anchor href={auditExportUrl(filter, 'xlsx')} download>
          {t('exportXlsx')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('exportNote')}
      </Text>
    </Stack>
  );
}
