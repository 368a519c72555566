import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FollowUp, type FollowUpChannel, followUpChannels, type FollowUpList } from '@samkraft/contracts/follow-ups';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { GoalStatusFields } from '../../plans/components/GoalStatusFields.tsx';
import { toGoalStatusUpdates, type GoalStatusForm } from '../../plans/utils/goalStatusForm.ts';
import { useRecordHeld, useScheduleFollowUp, useSetVulnerable } from '../hooks/useFollowUps.ts';
import { oneOf } from '@samkraft/contracts/common';

type Props = { courseId: string; data: FollowUpList };

function HeldForm({ courseId, followUp, onDone }: { courseId: string; followUp: FollowUp; onDone: () => void }) {
  const { t } = useTranslation('followUps');
  const { language } = useLanguage();
  const mutation = useRecordHeld(courseId);
  const [heldOn, setHeldOn] = useState(danishToday());
  const [channel, setChannel] = useState<FollowUpChannel>('phone');
  const [note, setNote] = useState('');
  const [planRevised, setPlanRevised] = useState(false);
  const [goals, setGoals] = useState<GoalStatusForm>({});
  const errors = useFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ id: followUp.id, body: { heldOn, channel, note, planRevised, goals: toGoalStatusUpdates(goals) } }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('recordHeldFor', { date: formatDate(followUp.plannedOn, language) })}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('recordHeldFor', { date: formatDate(followUp.plannedOn, language) })}
        </Title>
        <Group align="flex-start">
          <TextInput type="date" label={t('heldOnLabel')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} error={errors.heldOn} withAsterisk />
          <NativeSelect label={t('channel')} value={channel} data={followUpChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} onChange={(e) => setChannel(oneOf(followUpChannels, e.currentTarget.value))} />
        </Group>
        <Textarea label={t('noteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} withAsterisk autosize minRows={3} />
        <GoalStatusFields courseId={courseId} value={goals} onChange={setGoals} errors={errors} />
        <Checkbox label={t('planRevised')} checked={planRevised} onChange={(e) => setPlanRevised(e.currentTarget.checked)} />
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('saveHeld')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function FollowUpTable({ courseId, data }: Props) {
  const { t } = useTranslation('followUps');
  const { language } = useLanguage();
  const [recording, setRecording] = useState<string | null>(null);
  const open = data.followUps.find((f) => f.id === recording);
  if (data.followUps.length === 0) return <EmptyState text={t('empty')} />;
  return (
    <Stack gap="md">
      <Table withTableBorder aria-label={t('listTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plannedOn')}</Table.Th>
            <Table.Th scope="col">{t('state')}</Table.Th>
            <Table.Th scope="col">{t('channel')}</Table.Th>
            <Table.Th scope="col">{t('note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.followUps.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(f.plannedOn, language)}
              </Table.Th>
              <Table.Td>
                {f.heldOn ? (
                  `${t('held')} ${formatDate(f.heldOn, language)}`
                ) : f.lapsed ? (
                  t('lapsed', { date: formatDate(data.courseClosedOn ?? f.plannedOn, language) })
                ) : (
                  <Button size="xs" variant="light" onClick={() => setRecording(f.id)} aria-label={t('recordHeldButton', { date: formatDate(f.plannedOn, language) })}>
                    {t('recordHeld')}
                  </Button>
                )}
              </Table.Td>
              <Table.Td>{f.channel ? t(`channels.${f.channel}`) : '—'}</Table.Td>
              <Table.Td>
                {f.note ?? '—'}
                {f.planRevised ? (
                  <Text size="sm" mt={4}>
                    {t('planRevisedYes')} · <Anchor href={`/forloeb/${courseId}/handleplan`}>{t('reviseLink')}</Anchor>
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open ? <HeldForm key={open.id} courseId={courseId} followUp={open} onDone={() => setRecording(null)} /> : null}
    </Stack>
  );
}

export function ScheduleFollowUp({ courseId, data }: Props) {
  const { t } = useTranslation('followUps');
  const { language } = useLanguage();
  const mutation = useScheduleFollowUp(courseId);
  const [plannedOn, setPlannedOn] = useState(data.suggestion.suggestedOn);
  const errors = useFieldErrors(mutation.error);
  const s = data.suggestion;
  if (data.courseClosedOn) return <Text>{t('closedNoMore', { date: formatDate(data.courseClosedOn, language) })}</Text>;
  return (
    <Stack gap="sm">
      <Text>
        {t('suggestion', { date: formatDate(s.suggestedOn, language), days: s.intervalDays, vulnerable: data.vulnerable ? t('suggestionVulnerable') : '' })}
      </Text>
      <Group
        component="form"
        align="flex-end"
        aria-label={t('scheduleTitle')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          mutation.mutate(plannedOn);
        }}
      >
        <TextInput type="date" label={t('scheduleOn')} value={plannedOn} min={danishToday()} onChange={(e) => setPlannedOn(e.currentTarget.value)} error={errors.plannedOn} />
        <Button type="submit" loading={mutation.isPending}>
          {t('schedule')}
        </Button>
      </Group>
      {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
    </Stack>
  );
}

export function VulnerableFlag({ courseId, data }: Props) {
  const { t } = useTranslation('followUps');
  const mutation = useSetVulnerable(courseId);
  const [vulnerable, setVulnerable] = useState(data.vulnerable);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(mutation.error);
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('vulnerableTitle')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        mutation.mutate({ citizenId: data.citizenId, body: { vulnerable, reason } }, { onSuccess: () => setReason('') });
      }}
    >
      <Text size="sm">{t('vulnerableIntro')}</Text>
      <Switch label={t('vulnerable')} checked={vulnerable} onChange={(e) => setVulnerable(e.currentTarget.checked)} />
      <Textarea label={t('vulnerableReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} />
      {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" p="xs" styles={{ message: { color: '#1a1a1a' } }}>
          {t('vulnerableSaved')}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" variant="light" loading={mutation.isPending} disabled={vulnerable === data.vulnerable}>
          {t('saveVulnerable')}
        </Button>
      </Group>
    </Stack>
  );
}
