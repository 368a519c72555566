import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CourseCrossReferrals, CrossReferralSummary } from '@samkraft/contracts/cross-referrals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { CrossReferralTransport } from '../../transport/components/CrossReferralTransport.tsx';
import { HomeDeclineForm } from './HomeDeclineForm.tsx';
import { SnapshotView } from './SnapshotView.tsx';
import { UpdateForm } from './UpdateForm.tsx';

type Props = { courseId: string; data: CourseCrossReferrals; referral: CrossReferralSummary };

/** One referral or offer of the course: its state, what the provider answered, what was sent, transport, and the actions. */
export function CrossReferralCard({ courseId, data, referral: x }: Props) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const [open, setOpen] = useState<'update' | 'decline' | null>(null);
  const sentCrossMunicipal = x.kind === 'cross_municipal' && x.sentAt !== null;
  const title = `${x.interventionName} — ${x.providerMunicipalityName}`;
  const state =
    x.providerDecision === 'declined' ? (
      <Tag tone="red">{t('stateProviderDeclined')}</Tag>
    ) : x.providerDecision === 'accepted' ? (
      <Tag tone="green">{t('statusAccepted', { date: x.providerContactOn ? formatDate(x.providerContactOn, language) : '' })}</Tag>
    ) : sentCrossMunicipal ? (
      <Tag tone="blue">{t('statusNew')}</Tag>
    ) : null;
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {title}
            </Title>
            <Text size="sm">
              {t(`kinds.${x.kind}`)}
              {x.placeName ? ` · ${x.placeName}` : ''}
              {' · '}
              {x.sentAt ? t('sentOn', { date: formatDate(danishDateOf(x.sentAt), language) }) : t('decidedOn', { date: formatDate(x.receivedOn, language) })}
              {x.consentOn ? ` · ${t('consentGiven', { date: formatDate(x.consentOn, language) })}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            {state}
            {x.citizenDeclines.length > 0 ? <Tag tone="orange">{t('stateCitizenDeclined')}</Tag> : null}
          </Group>
        </Group>
        {x.providerDecision === 'declined' ? (
          <Alert color="red" variant="light" title={t('providerDeclinedTitle', { provider: x.providerMunicipalityName })} styles={{ message: { color: '#1a1a1a' }, title: { color: '#1a1a1a' } }}>
            {t('providerDeclinedReason', { reason: x.providerDecisionReason ?? t('nothing') })}
          </Alert>
        ) : null}
        {x.citizenDeclines.map((d) => (
          <Text key={`${d.declinedOn}-${d.reason}`} size="sm">
            {t('citizenDeclinedOn', { date: formatDate(d.declinedOn, language), reason: t(`declineReasonLabels.${d.reason}`) })}
            {d.note ? ` — ${d.note}` : ''}
          </Text>
        ))}
        {x.parallelHomeReason ? (
          <Text size="sm">
            <strong>{t('parallelHomeReason')}:</strong> {x.parallelHomeReason}
          </Text>
        ) : null}
        {x.snapshot ? (
          <details>
            <summary>{t('showShared')}</summary>
            <SnapshotView snapshot={x.snapshot} headingLevel={4} />
          </details>
        ) : null}
        {sentCrossMunicipal ? (
          <Stack gap={4}>
            <Title order={4} size="h5">
              {t('updateHistoryTitle')}
            </Title>
            {x.updateHistory.length === 0 ? (
              <Text size="sm">{t('noUpdates')}</Text>
            ) : (
              <List size="sm" spacing={4} aria-label={t('updateHistoryTitle')}>
                {x.updateHistory.map((u, i) => (
                  <List.Item key={u.sentAt}>
                    <details>
                      <summary>{t('updateNo', { n: i + 1, date: formatDate(danishDateOf(u.sentAt), language) })}</summary>
                      <SnapshotView snapshot={u.snapshot} headingLevel={5} />
                    </details>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
        {x.kind === 'cross_municipal' ? <CrossReferralTransport crossReferralId={x.id} /> : null}
        <Group>
          {sentCrossMunicipal && x.providerDecision !== 'declined' ? (
            <Button variant="light" onClick={() => setOpen(open === 'update' ? null : 'update')} aria-expanded={open === 'update'}>
              {t('openUpdate')}
            </Button>
          ) : null}
          {x.citizenDeclines.length === 0 ? (
            <Button variant="default" onClick={() => setOpen(open === 'decline' ? null : 'decline')} aria-expanded={open === 'decline'}>
              {t('openDecline')}
            </Button>
          ) : null}
        </Group>
        {open === 'update' ? <UpdateForm courseId={courseId} data={data} referral={x} onDone={() => setOpen(null)} /> : null}
        {open === 'decline' ? <HomeDeclineForm courseId={courseId} referral={x} onDone={() => setOpen(null)} /> : null}
      </Stack>
    </Paper>
  );
}
