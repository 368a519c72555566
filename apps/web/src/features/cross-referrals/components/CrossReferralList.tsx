import { Table } from '@mantine/core';
import type { CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';

/** The home course's view of its referrals: the provider's decision (and reason) comes back here. */
export function CrossReferralList({ data }: { data: CourseCrossReferrals }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  if (data.crossReferrals.length === 0) return <EmptyState text={t('listEmpty')} />;
  return (
    <Table withTableBorder aria-label={t('listTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('intervention')}</Table.Th>
          <Table.Th scope="col">{t('provider')}</Table.Th>
          <Table.Th scope="col">{t('receivedOn')}</Table.Th>
          <Table.Th scope="col">{t('status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.crossReferrals.map((x) => (
          <Table.Tr key={x.id}>
            <Table.Th scope="row">
              {x.interventionName} · {t(`kinds.${x.kind}`)}
            </Table.Th>
            <Table.Td>{x.providerMunicipalityName}</Table.Td>
            <Table.Td>{formatDate(x.receivedOn, language)}</Table.Td>
            <Table.Td>
              {x.providerDecision === 'declined'
                ? t('statusDeclined', { reason: x.providerDecisionReason ?? '' })
                : x.providerDecision === 'accepted'
                  ? t('statusAccepted', { date: x.providerContactOn ? formatDate(x.providerContactOn, language) : '' })
                  : t('statusNew')}
              {x.citizenDeclines.map((d) => ` · ${t('citizenDeclined', { reason: t(`declineReasons.${d.reason}`) })}`).join('')}
              {x.updates > 0 ? ` · ${t('updates', { count: x.updates })}` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
