import { Stack, Text } from '@mantine/core';
import type { IncomingReferralSummary, StartPage, TeamSummary } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag, type TagTone } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { formatSchedule } from '../utils/formatSchedule.ts';
import { CitizenFlags } from './CitizenFlags.tsx';

export type TherapistStartProps = { data: Extract<StartPage, { kind: 'therapist' }> };

const stateTones: Record<IncomingReferralSummary['state'], TagTone> = {
  new: 'blue',
  accepted: 'cyan',
  started: 'green',
  ended: 'gray',
  declined: 'red',
  citizen_declined: 'red',
};

export function TherapistStart({ data }: TherapistStartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const teamColumns: Column<TeamSummary>[] = [
    { key: 'name', header: t('columns.team'), rowHeader: true, render: (r) => r.name },
    { key: 'intervention', header: t('columns.intervention'), render: (r) => r.intervention.name },
    { key: 'intake', header: t('columns.intake'), render: (r) => t(`teamMode.${r.mode}`) },
    { key: 'capacity', header: t('columns.capacity'), numeric: true, render: (r) => r.capacity },
    { key: 'enrolled', header: t('columns.enrolledWaiting'), numeric: true, render: (r) => `${r.enrolled} / ${r.waiting}` },
    { key: 'startsOn', header: t('columns.startsOn'), nowrap: true, render: (r) => formatDate(r.startsOn, language) },
    {
      key: 'schedule',
      header: t('columns.schedule'),
      render: (r) => formatSchedule(r.schedule, language).map((slot) => (
        <Text key={slot} component="span" display="block" size="sm" style={{ whiteSpace: 'nowrap' }}>
          {slot}
        </Text>
      )),
    },
  ];
  const referralColumns: Column<IncomingReferralSummary>[] = [
    {
      key: 'citizen',
      header: t('columns.citizen'),
      rowHeader: true,
      render: (r) => (
        <>
          {r.citizen.name}
          <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
            {r.citizen.identifier}
          </Text>
          <CitizenFlags citizen={r.citizen} />
        </>
      ),
    },
    { key: 'intervention', header: t('columns.intervention'), render: (r) => r.intervention.name },
    { key: 'home', header: t('columns.homeMunicipality'), render: (r) => r.homeMunicipality.name },
    { key: 'received', header: t('columns.received'), nowrap: true, render: (r) => formatDate(r.receivedOn, language) },
    { key: 'state', header: t('columns.state'), render: (r) => <Tag tone={stateTones[r.state]}>{t(`referralState.${r.state}`)}</Tag> },
  ];
  return (
    <Stack gap="xl">
      <Section title={t('start.incoming')}>
        <DataTable columns={referralColumns} rows={data.referrals} rowKey={(r) => r.id} emptyText={t('start.incomingEmpty')} stackOnNarrow />
      </Section>
      <Section title={t('start.teams')} description={t('start.teamsIntro', { municipality: data.municipality.name })}>
        <DataTable columns={teamColumns} rows={data.teams} rowKey={(r) => r.id} emptyText={t('start.teamsEmpty')} stackOnNarrow />
      </Section>
    </Stack>
  );
}
