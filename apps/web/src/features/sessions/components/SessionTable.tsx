import { Box, Button } from '@mantine/core';
import type { StaffSessionSummary } from '@samkraft/contracts/auth';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatInstant } from '../../../ui/utils/formatInstant.ts';
import { describeUserAgent } from '../utils/describeUserAgent.ts';

export type SessionTableProps = {
  sessions: readonly StaffSessionSummary[];
  /** Given, each session but the current one can be ended from its row. */
  onEnd?: (session: StaffSessionSummary) => void;
  ending?: string | null;
  label?: string;
  /** A configured identity provider's name, by its id (the sign-in page's list); the id when unknown. */
  providerLabel?: (id: string) => string;
};

/** Open sessions: from which device, since when, last used, until when. */
export function SessionTable({ sessions, onEnd, ending, label, providerLabel }: SessionTableProps) {
  const { t } = useTranslation('sessions');
  const { language } = useLanguage();
  const device = (s: StaffSessionSummary) => {
    const d = describeUserAgent(s.userAgent);
    if (d.browser && d.system) return t('table.on', { browser: d.browser, system: d.system });
    return d.browser ?? d.system ?? t('table.unknownDevice');
  };
  const columns: Column<StaffSessionSummary>[] = [
    {
      key: 'device',
      header: t('table.device'),
      rowHeader: true,
      render: (s) => (
        <>
          {device(s)}
          {s.current ? (
            <Box component="span" ml="xs">
              <Tag tone="green">{t('table.current')}</Tag>
            </Box>
          ) : null}
        </>
      ),
    },
    {
      key: 'signInWith',
      header: t('table.signIn'),
      render: (s) =>
        s.provider === null
          ? t('table.local')
          : [providerLabel?.(s.provider) ?? s.provider, s.assuranceLevel ? t(`table.levels.${s.assuranceLevel}`) : null].filter((x) => x !== null).join(' · '),
    },
    { key: 'signedIn', header: t('table.signedIn'), render: (s) => formatInstant(s.createdAt, language), nowrap: true },
    { key: 'lastSeen', header: t('table.lastSeen'), render: (s) => formatInstant(s.lastSeenAt, language), nowrap: true },
    { key: 'expires', header: t('table.expires'), render: (s) => formatInstant(s.expiresAt, language), nowrap: true },
  ];
  if (onEnd) {
    columns.push({
      key: 'action',
      header: t('table.action'),
      render: (s) =>
        s.current ? null : (
          <Button size="xs" variant="outline" color="red.9" loading={ending === s.id} onClick={() => onEnd(s)} aria-label={t('table.endLabel', { device: device(s), at: formatInstant(s.createdAt, language) })}>
            {t('table.end')}
          </Button>
        ),
    });
  }
  return <DataTable columns={columns} rows={sessions} rowKey={(s) => s.id} emptyText={t('table.empty')} stackOnNarrow {...(label ? { label } : {})} />;
}
