import { Anchor, SegmentedControl, Stack, Text } from '@mantine/core';
import { draftReferralStates, type DraftReferralState } from '@samkraft/contracts/hospital-referrals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useDraftReferrals } from '../hooks/useDraftReferrals.ts';
import type { DraftReferralSummary } from '@samkraft/contracts/hospital-referrals';
import { oneOf } from '@samkraft/contracts/common';

/** The municipality's hospital referrals: those waiting, or those taken in or rejected. */
export function DraftReferralTable() {
  const { t } = useTranslation('hospitalReferrals');
  const { language } = useLanguage();
  const [state, setState] = useState<DraftReferralState>('pending');
  const query = useDraftReferrals(state);
  const columns: Column<DraftReferralSummary>[] = [
    {
      key: 'patient',
      header: t('columns.patient'),
      rowHeader: true,
      render: (d) => (
        <>
          <Anchor href={`/sygehushenvisninger/${d.id}`}>{d.patientName}</Anchor>{' '}
          {d.patientIdentifier ? (
            <Text span fz="inherit" style={{ whiteSpace: 'nowrap' }}>
              ({d.patientIdentifier})
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'sender', header: t('columns.sender'), render: (d) => [d.senderName, d.referrerName].filter(Boolean).join(' · ') },
    { key: 'diagnosis', header: t('columns.diagnosis'), render: (d) => d.diagnosisText ?? t('nothing') },
    { key: 'received', header: t('columns.received'), nowrap: true, render: (d) => formatDate(danishDateOf(d.receivedAt), language) },
  ];
  return (
    <Section title={t('listTitle')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('showState')}
          value={state}
          onChange={(v) => setState(oneOf(draftReferralStates, v))}
          data={draftReferralStates.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          maw={420}
        />
        <QueryState query={query}>{(data) => <DataTable columns={columns} rows={data.drafts} rowKey={(d) => d.id} emptyText={t('empty')} label={t('listTitle')} stackOnNarrow />}</QueryState>
      </Stack>
    </Section>
  );
}
