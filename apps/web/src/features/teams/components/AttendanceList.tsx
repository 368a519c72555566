import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AttendanceStatus, SessionDetail, SessionParticipant } from '@samkraft/contracts/teams';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useRecordAttendance } from '../hooks/useTeams.ts';
import { ParticipantRelatives } from '../../relatives/components/ParticipantRelatives.tsx';

const labelKey = { attended: 'attendance.attended', cancelled: 'attendance.cancelled', no_show: 'attendance.noShow' } as const;
// Dark shades: the labels must keep 4.5:1 contrast both as outline text and on the filled button.
const colorOf = { attended: '#0b6e4f', cancelled: '#862e9c', no_show: '#b02525' } as const;

/** The texts the server keeps for a citizen's cancellation without their own words (teams/citizen-cancellation.rules.ts). */
const citizenDefaultTexts: ReadonlySet<string> = new Set(['Sygdom', 'Behandling', 'Andet']);

/** One participant's card: big buttons for a tablet, a reason when the mark is a cancellation. */
function ParticipantCard({ sessionId, p, held }: { sessionId: string; p: SessionParticipant; held: boolean }) {
  const { t } = useTranslation('teams');
  // "Aflyst af borgeren (sygdom)": the citizen's own cancellation from "Mine aftaler"; staff can still overrule it.
  const markText = (x: SessionParticipant) =>
    x.status === 'cancelled' && x.cancelledBy === 'citizen' && x.cancelReasonCode
      ? t('attendance.byCitizen', { reason: t(`attendance.citizenReasons.${x.cancelReasonCode}`) })
      : t(labelKey[x.status ?? 'attended']);
  const record = useRecordAttendance(sessionId);
  const errors = useFieldErrors(record.error);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState(p.cancelReason ?? '');
  const headingId = `participant-${p.enrolmentId}`;
  const ended = p.enrolmentStatus === 'ended';
  const mark = (status: AttendanceStatus) => {
    if (status === 'cancelled') {
      setCancelling(true);
      return;
    }
    setCancelling(false);
    record.mutate({ enrolmentId: p.enrolmentId, status });
  };
  const saveCancel = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ enrolmentId: p.enrolmentId, status: 'cancelled', cancelReason: reason.trim() }, { onSuccess: () => setCancelling(false) });
  };
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id={headingId}>
            {p.citizen.name} <Text span c="dimmed" size="sm">({p.citizen.identifier}, {p.citizen.homeMunicipality})</Text>
          </Title>
          <Stack gap={0}>
            {p.sessionNumber !== null ? (
              <Text size="sm" fw={700}>
                {t('attendance.sessionNumber', { n: p.sessionNumber, quota: p.quota })}
              </Text>
            ) : null}
            <Text size="sm">{t('attendance.count', { used: p.counts.used, quota: p.quota })}</Text>
          </Stack>
        </Group>
        <Text size="sm" role="status">
          {p.status ? t('attendance.marked', { status: markText(p) }) : t('attendance.notMarked')}
          {p.status === 'cancelled' && p.cancelReason && !(p.cancelledBy === 'citizen' && citizenDefaultTexts.has(p.cancelReason)) ? ` — ${p.cancelReason}` : ''}
        </Text>
        {ended ? <Alert color="blue">{p.counts.used >= p.quota ? t('attendance.quotaReached') : t('attendance.endedEarly', { used: p.counts.used, quota: p.quota })}</Alert> : null}
        {!ended ? (
          <Group gap="sm" role="group" aria-label={t('attendance.group', { name: p.citizen.name })} grow>
            {(['attended', 'cancelled', 'no_show'] as const).map((s) => (
              <Button
                key={s}
                size="lg"
                // Three to a row on a phone too: less padding and a smaller font there, so no label is cut.
                px={{ base: 6, sm: 'lg' }}
                fz={{ base: 'md', sm: 'lg' }}
                variant={p.status === s ? 'filled' : 'outline'}
                color={colorOf[s]}
                aria-pressed={p.status === s}
                disabled={s !== 'cancelled' && !held}
                loading={record.isPending && record.variables.status === s}
                onClick={() => mark(s)}
              >
                {t(labelKey[s])}
              </Button>
            ))}
          </Group>
        ) : null}
        {cancelling ? (
          <form onSubmit={saveCancel}>
            <Group align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                size="md"
                label={t('attendance.reason', { name: p.citizen.name })}
                required
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.cancelReason}
              />
              <Button type="submit" size="md" color="#862e9c" loading={record.isPending}>
                {t('attendance.saveCancel')}
              </Button>
            </Group>
          </form>
        ) : null}
        <ParticipantRelatives sessionId={sessionId} enrolmentId={p.enrolmentId} held={held} />
        {record.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={record.error} /> : null}
        {record.isError && !cancelling && Object.keys(errors).length > 0 ? <Text c="red" size="sm">{Object.values(errors).join(' ')}</Text> : null}
      </Stack>
    </Paper>
  );
}

export function AttendanceList({ data }: { data: SessionDetail }) {
  const { t } = useTranslation('teams');
  if (data.participants.length === 0) return <EmptyState text={t('attendance.empty')} />;
  // A cancelled session takes no attendance; its list is only shown.
  if (data.session.cancelled) {
    return (
      <Stack gap="xs">
        {data.participants.map((p) => (
          <Text key={p.enrolmentId}>
            {p.citizen.name} ({p.citizen.identifier}, {p.citizen.homeMunicipality}) — {t('attendance.count', { used: p.counts.used, quota: p.quota })}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {!data.held ? <Alert color="blue">{t('attendance.notHeld')}</Alert> : null}
      {data.participants.map((p) => (
        <ParticipantCard key={p.enrolmentId} sessionId={data.session.id} p={p} held={data.held} />
      ))}
    </Stack>
  );
}
