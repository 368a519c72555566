import { Anchor, Text } from '@mantine/core';
import type { ProviderInbox } from '@samkraft/contracts/cross-referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { DeadlineLine } from './DeadlineLine.tsx';

type InboxItem = ProviderInbox['items'][number];

/** On a phone each referral is a card: its state and deadline are never off screen. */
export function InboxTable({ data }: { data: ProviderInbox }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const columns: Column<InboxItem>[] = [
    {
      key: 'citizen',
      header: t('citizen'),
      rowHeader: true,
      render: (i) => (
        <>
          <Anchor href={`/indbakke/${i.id}`}>{i.citizenName}</Anchor>{' '}
          <Text span fz="inherit" style={{ whiteSpace: 'nowrap' }}>
            ({i.citizenIdentifier})
          </Text>
        </>
      ),
    },
    { key: 'intervention', header: t('intervention'), render: (i) => i.interventionName },
    { key: 'home', header: t('homeMunicipality'), render: (i) => i.homeMunicipalityName },
    { key: 'received', header: t('receivedOn'), nowrap: true, render: (i) => formatDate(i.receivedOn, language) },
    { key: 'state', header: t('status'), render: (i) => <span data-testid="inbox-state">{t(`states.${i.state}`)}</span> },
    {
      key: 'deadline',
      header: t('nextDeadline'),
      render: (i) => {
        // The first unmet deadline is the one to act on.
        const next = i.deadlines.find((d) => d.metOn === null) ?? null;
        return <span data-testid="inbox-deadline">{next ? <DeadlineLine deadline={next} /> : t('nothing')}</span>;
      },
    },
  ];
  return <DataTable columns={columns} rows={data.items} rowKey={(i) => i.id} emptyText={t('inboxEmpty')} label={t('inboxTitle')} stackOnNarrow />;
}
