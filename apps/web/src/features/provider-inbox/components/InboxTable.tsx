import { Anchor, Table } from '@mantine/core';
import type { ProviderInbox } from '@samkraft/contracts/cross-referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { DeadlineLine } from './DeadlineLine.tsx';

export function InboxTable({ data }: { data: ProviderInbox }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  if (data.items.length === 0) return <EmptyState text={t('inboxEmpty')} />;
  return (
    <Table withTableBorder aria-label={t('inboxTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('citizen')}</Table.Th>
          <Table.Th scope="col">{t('intervention')}</Table.Th>
          <Table.Th scope="col">{t('homeMunicipality')}</Table.Th>
          <Table.Th scope="col">{t('receivedOn')}</Table.Th>
          <Table.Th scope="col">{t('status')}</Table.Th>
          <Table.Th scope="col">{t('nextDeadline')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.items.map((i) => {
          // The first unmet deadline is the one to act on; when all are met, the last one.
          const next = i.deadlines.find((d) => d.metOn === null) ?? null;
          return (
            <Table.Tr key={i.id}>
              <Table.Th scope="row">
                <Anchor href={`/indbakke/${i.id}`}>{i.citizenName}</Anchor> <span>({i.citizenIdentifier})</span>
              </Table.Th>
              <Table.Td>{i.interventionName}</Table.Td>
              <Table.Td>{i.homeMunicipalityName}</Table.Td>
              <Table.Td>{formatDate(i.receivedOn, language)}</Table.Td>
              <Table.Td>{t(`states.${i.state}`)}</Table.Td>
              <Table.Td>{next ? <DeadlineLine deadline={next} /> : t('nothing')}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
