import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { chosenEndReasons, type Enrolment } from '@samkraft/contracts/teams';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useAdmit, useEndEnrolment } from '../hooks/useTeams.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { oneOf } from '@samkraft/contracts/common';

type ChosenReason = (typeof chosenEndReasons)[number];

function EndForm({ e, today }: { e: Enrolment; today: string }) {
  const { t } = useTranslation('teams');
  const end = useEndEnrolment();
  const errors = useFieldErrors(end.error);
  const [open, setOpen] = useState(false);
  const [endedOn, setEndedOn] = useState(today);
  const [reason, setReason] = useState<ChosenReason>('completed');
  if (!open) {
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={t('end.title', { name: e.citizen.name })}>
        {t('end.button')}
      </Button>
    );
  }
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    end.mutate({ enrolmentId: e.id, body: { endedOn, endReason: reason } });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('end.title', { name: e.citizen.name })}>
      <Group align="flex-end" gap="xs">
        <TextInput type="date" size="xs" label={t('end.endedOn')} required value={endedOn} onChange={(x) => setEndedOn(x.currentTarget.value)} error={errors.endedOn} />
        <NativeSelect size="xs" label={t('end.reason')} value={reason} onChange={(x) => setReason(oneOf(chosenEndReasons, x.currentTarget.value))} data={chosenEndReasons.map((r) => ({ value: r, label: t(`endReasons.${r}`) }))} />
        <Button size="xs" type="submit" loading={end.isPending}>
          {t('end.submit')}
        </Button>
      </Group>
      {end.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={end.error} /> : null}
    </form>
  );
}

function AdmitForm({ e, today }: { e: Enrolment; today: string }) {
  const { t } = useTranslation('teams');
  const admit = useAdmit();
  const errors = useFieldErrors(admit.error);
  const [startOn, setStartOn] = useState(today);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    admit.mutate({ enrolmentId: e.id, startOn });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('admit.button', { name: e.citizen.name })}>
      <Group align="flex-end" gap="xs">
        <TextInput type="date" size="xs" label={t('admit.startOn')} required value={startOn} onChange={(x) => setStartOn(x.currentTarget.value)} error={errors.startOn ?? errors.enrolmentId} />
        <Button size="xs" type="submit" loading={admit.isPending}>
          {t('admit.submit')}
        </Button>
      </Group>
    </form>
  );
}

/**
 * Enrolled participants with their counts against the quota, the waiting list, and those who
 * ended. `flagOf` adds a mark after a participant's name (e.g. away at hospital).
 */
export function TeamParticipants({ enrolments, today, flagOf }: { enrolments: readonly Enrolment[]; today: string; flagOf?: (e: Enrolment) => ReactNode }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const date = (d: string | null) => (d ? formatDate(d, language) : '—');
  const citizen = { key: 'citizen', header: t('participant.citizen'), rowHeader: true, render: (e: Enrolment) => (
      <>
        {`${e.citizen.name} (${e.citizen.identifier})`}
        {flagOf?.(e)}
      </>
    ),
  };
  const home = { key: 'home', header: t('participant.home'), render: (e: Enrolment) => e.citizen.homeMunicipality };
  return (
    <Stack gap="xl">
      <Section title={t('participantsTitle')}>
        <DataTable
          stackOnNarrow
          rows={enrolments.filter((e) => e.status === 'enrolled')}
          rowKey={(e) => e.id}
          emptyText={t('participantsEmpty')}
          columns={[
            citizen,
            home,
            { key: 'start', header: t('participant.start'), nowrap: true, render: (e) => date(e.startOn) },
            { key: 'used', header: t('participant.used'), numeric: true, render: (e) => `${e.counts.used} / ${e.quota}` },
            { key: 'attended', header: t('participant.attended'), numeric: true, render: (e) => e.counts.attended },
            { key: 'cancelled', header: t('participant.cancelled'), numeric: true, render: (e) => e.counts.cancelled },
            { key: 'noShow', header: t('participant.noShow'), numeric: true, render: (e) => e.counts.noShow },
            { key: 'actions', header: t('participant.actions'), render: (e) => <EndForm e={e} today={today} /> },
          ]}
        />
      </Section>
      <Section title={t('waitingTitle')}>
        <DataTable
          stackOnNarrow
          rows={enrolments.filter((e) => e.status === 'waiting')}
          rowKey={(e) => e.id}
          emptyText={t('waitingEmpty')}
          columns={[
            citizen,
            home,
            { key: 'since', header: t('participant.since'), nowrap: true, render: (e) => date(e.waitingSince ? danishDateOf(e.waitingSince) : null) },
            { key: 'actions', header: t('participant.actions'), render: (e) => <AdmitForm e={e} today={today} /> },
          ]}
        />
      </Section>
      {enrolments.some((e) => e.status === 'ended') ? (
        <Section title={t('endedTitle')}>
          <DataTable
            stackOnNarrow
            rows={enrolments.filter((e) => e.status === 'ended')}
            rowKey={(e) => e.id}
            emptyText=""
            columns={[
              citizen,
              home,
              { key: 'used', header: t('participant.used'), numeric: true, render: (e) => `${e.counts.used} / ${e.quota}` },
              { key: 'ended', header: t('participant.ended'), nowrap: true, render: (e) => `${date(e.endedOn)} · ${e.endReason ? t(`endReasons.${e.endReason}`) : ''}` },
            ]}
          />
        </Section>
      ) : null}
    </Stack>
  );
}
