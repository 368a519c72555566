import { Anchor, List, Stack, Table, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SnapshotView } from '../features/cross-referrals/components/SnapshotView.tsx';
import { DeadlineLine } from '../features/provider-inbox/components/DeadlineLine.tsx';
import { AcceptForm, CitizenDeclineForm, DeclineForm, DeeperAssessmentForm } from '../features/provider-inbox/components/IncomingActions.tsx';
import { MeasurementTable } from '../features/provider-inbox/components/MeasurementTable.tsx';
import { useIncomingReferral } from '../features/provider-inbox/hooks/useProviderInbox.ts';
import { ProviderStatusNotesSection } from '../features/status-notes/components/ProviderStatusNotesSection.tsx';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { formatDate } from '../ui/utils/formatDate.ts';
import { danishDateOf } from '../ui/utils/danishDate.ts';

export function IncomingReferralPage() {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const { crossReferralId = '' } = useParams({ strict: false });
  const query = useIncomingReferral(crossReferralId);
  return (
    <>
      <Anchor href="/indbakke" size="sm">
        ← {t('backToInbox')}
      </Anchor>
      <QueryState query={query}>
        {(x) => (
          <Stack gap="xl">
            <PageTitle title={t('incomingTitle', { intervention: x.interventionName })} description={`${t('homeMunicipality')}: ${x.homeMunicipalityName} · ${t('receivedOn')} ${formatDate(x.receivedOn, language)}`} />
            <Section title={t('contactTitle')}>
              <Table withTableBorder aria-label={t('contactTitle')}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t('citizen')}</Table.Th>
                    <Table.Td>{x.citizen.name}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t('identifier')}</Table.Th>
                    <Table.Td>{x.citizen.identifier}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t('phone')}</Table.Th>
                    <Table.Td>{x.citizen.phone ?? t('nothing')}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('homeContactTitle')}>
              <Table withTableBorder aria-label={t('homeContactTitle')}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t('homeContactName')}</Table.Th>
                    <Table.Td>{x.homeContact.name ?? t('noHomeContact')}</Table.Td>
                  </Table.Tr>
                  {x.homeContact.phone ? (
                    <Table.Tr>
                      <Table.Th scope="row">{t('homeContactPhone')}</Table.Th>
                      <Table.Td>
                        <Anchor href={`tel:${x.homeContact.phone.replace(/\s/g, '')}`}>{x.homeContact.phone}</Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {x.homeContact.email ? (
                    <Table.Tr>
                      <Table.Th scope="row">{t('homeContactEmail')}</Table.Th>
                      <Table.Td>
                        <Anchor href={`mailto:${x.homeContact.email}`}>{x.homeContact.email}</Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {x.homeContact.unitPhone && !x.homeContact.phone ? (
                    <Table.Tr>
                      <Table.Th scope="row">{t('homeUnitPhone', { municipality: x.homeMunicipalityName })}</Table.Th>
                      <Table.Td>
                        <Anchor href={`tel:${x.homeContact.unitPhone.replace(/\s/g, '')}`}>{x.homeContact.unitPhone}</Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('deadlinesTitle')}>
              <List>
                {x.deadlines.map((d) => (
                  <List.Item key={d.kind}>
                    <DeadlineLine deadline={d} />
                  </List.Item>
                ))}
              </List>
            </Section>
            <Section title={t('sharedTitle')}>
              <SnapshotView snapshot={x.snapshot} />
            </Section>
            {x.updates.length > 0 ? (
              <Section title={t('updatesTitle')}>
                {x.updates.map((u) => (
                  <Stack key={u.sentAt} gap="xs">
                    <Text fw={600}>{t('sentAt', { date: formatDate(danishDateOf(u.sentAt), language) })}</Text>
                    <SnapshotView snapshot={u.snapshot} />
                  </Stack>
                ))}
              </Section>
            ) : null}
            <Section title={t('acceptTitle')}>
              {x.providerDecision === 'accepted' && x.providerContactOn ? (
                <Text role="status">{t('accepted', { date: formatDate(x.providerContactOn, language) })}</Text>
              ) : x.providerDecision === 'declined' ? (
                <Text role="status">{t('declined', { reason: x.providerDecisionReason ?? '' })}</Text>
              ) : (
                <Stack gap="lg">
                  <AcceptForm referral={x} />
                  <DeclineForm referral={x} />
                </Stack>
              )}
            </Section>
            <Section title={t('citizenDeclineTitle')}>
              {x.citizenDeclines.length > 0 ? (
                <List>
                  {x.citizenDeclines.map((d) => (
                    <List.Item key={`${d.declinedOn}${d.reason}`}>
                      {formatDate(d.declinedOn, language)}: {t(`declineReasons.${d.reason}`)}
                      {d.note ? ` — ${d.note}` : ''}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              <CitizenDeclineForm referral={x} />
            </Section>
            {x.providerDecision === 'accepted' ? (
              <Section title={t('deeperTitle')}>
                {x.deeperAssessments.map((a) => (
                  <Stack key={a.id} gap="xs">
                    <Text>
                      {formatDate(a.assessedOn, language)} · {t(`professions.${a.profession}`)}: {a.findings}
                    </Text>
                    <MeasurementTable referralId={x.id} assessment={a} />
                  </Stack>
                ))}
                {x.goals.length > 0 ? (
                  <List aria-label={t('goalsTitle')}>
                    {x.goals.map((g) => (
                      <List.Item key={g.id}>{g.description}</List.Item>
                    ))}
                  </List>
                ) : null}
                <DeeperAssessmentForm referral={x} />
              </Section>
            ) : null}
            <ProviderStatusNotesSection referral={x} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
