import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { IncomingReferral } from '@samkraft/contracts/cross-referrals';
import { type ProviderStatusNotes, type StatusNoteEndReason, statusNoteEndReasons, type StatusNoteKind, statusNoteKinds } from '@samkraft/contracts/status-notes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { useProviderStatusNotes, useWriteStatusNote } from '../hooks/useStatusNotes.ts';
import { goalsReachedDraft, statusNoteDraft } from '../utils/draft.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { ReadTag } from './NoteTags.tsx';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';
import { oneOf } from '@samkraft/contracts/common';

const ONCE: readonly StatusNoteKind[] = ['start', 'end'];

/** The start note first, then the end note; after both, a note on a change. */
function firstKind(written: readonly StatusNoteKind[]): StatusNoteKind {
  return ONCE.find((k) => !written.includes(k)) ?? 'significant_change';
}

function WriteForm({ data, interventionName, onSent }: { data: ProviderStatusNotes; interventionName: string; onSent: () => void }) {
  const { t } = useTranslation('statusNotes');
  const mutation = useWriteStatusNote(data.crossReferralId);
  const errors = useFieldErrors(mutation.error);
  const facts = { interventionName, attendanceCount: data.prefill.attendanceCount, enrolmentStartOn: data.prefill.enrolmentStartOn, goals: data.prefill.goals };
  const [kind, setKind] = useState<StatusNoteKind>(firstKind(data.writtenKinds));
  const [body, setBody] = useState(statusNoteDraft(kind, facts));
  const [courseEndOn, setCourseEndOn] = useState(data.prefill.enrolmentEndOn ?? danishToday());
  const [attendanceCount, setAttendanceCount] = useState<number | string>(data.prefill.attendanceCount);
  const [goalsReached, setGoalsReached] = useState(goalsReachedDraft(data.prefill.goals));
  const [endReason, setEndReason] = useState<StatusNoteEndReason | ''>(data.prefill.endReason ?? '');
  const isEnd = kind === 'end';

  const chooseKind = (next: StatusNoteKind) => {
    setKind(next);
    setBody(statusNoteDraft(next, facts));
    mutation.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const end = isEnd
      ? {
          courseEndOn,
          ...(typeof attendanceCount === 'number' ? { attendanceCount } : {}),
          ...(goalsReached.trim() ? { goalsReached } : {}),
          ...(endReason ? { endReason } : {}),
        }
      : {};
    mutation.mutate({ kind, body, ...end }, { onSuccess: onSent });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="status-note-write-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="status-note-write-title">
          {t('writeTitle')}
        </Title>
        <NativeSelect
          label={t('kindLabel')}
          value={kind}
          error={errors.kind}
          onChange={(e) => chooseKind(oneOf(statusNoteKinds, e.currentTarget.value))}
          data={statusNoteKinds.map((k) => {
            const written = ONCE.includes(k) && data.writtenKinds.includes(k);
            return { value: k, label: written ? t('kindWritten', { kind: t(`kinds.${k}`) }) : t(`kinds.${k}`), disabled: written };
          })}
        />
        {isEnd ? (
          <Group align="flex-start" grow>
            <TextInput type="date" label={t('courseEndOnLabel')} value={courseEndOn} max={danishToday()} onChange={(e) => setCourseEndOn(e.currentTarget.value)} error={errors.courseEndOn} withAsterisk />
            <DecimalInput
              label={t('attendanceLabel')}
              description={t('attendanceHint', { count: data.prefill.attendanceCount })}
              value={attendanceCount}
              min={0}
              onChange={setAttendanceCount}
              error={errors.attendanceCount}
              withAsterisk
            />
            <NativeSelect
              label={t('endReasonLabel')}
              value={endReason}
              onChange={(e) => setEndReason(oneOf(['', ...statusNoteEndReasons], e.currentTarget.value))}
              error={errors.endReason}
              withAsterisk
              data={[{ value: '', label: t('chooseEndReason') }, ...statusNoteEndReasons.map((r) => ({ value: r, label: t(`endReasons.${r}`) }))]}
            />
          </Group>
        ) : null}
        {isEnd ? <Textarea label={t('goalsReachedLabel')} value={goalsReached} onChange={(e) => setGoalsReached(e.currentTarget.value)} error={errors.goalsReached} autosize minRows={2} /> : null}
        <Textarea label={t('bodyLabel')} description={t('bodyHint')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} withAsterisk autosize minRows={4} />
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('send')}
          </Button>
          <Button variant="default" onClick={() => setBody(statusNoteDraft(kind, facts))}>
            {t('useDraft')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function WrittenNotes({ data }: { data: ProviderStatusNotes }) {
  const { t } = useTranslation('statusNotes');
  const { language } = useLanguage();
  return (
    <DataTable
      rows={data.notes}
      rowKey={(n) => n.id}
      emptyText={t('providerEmpty')}
      columns={[
        { key: 'sent', header: t('writtenOn'), nowrap: true, render: (n) => formatDate(danishDateOf(n.sentAt), language) },
        { key: 'kind', header: t('kindColumn'), rowHeader: true, render: (n) => t(`kinds.${n.kind}`) },
        {
          key: 'body',
          header: t('body'),
          render: (n) => (
            <Stack gap={2}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Text>
              {n.kind === 'end' && n.courseEndOn ? (
                <Text size="sm" c="dimmed">
                  {t('courseEndOn')}: {formatDate(n.courseEndOn, language)}
                  {n.attendanceCount !== null ? ` · ${t('attendanceCount')}: ${n.attendanceCount}` : ''}
                  {n.endReason ? ` · ${t(`endReasons.${n.endReason}`)}` : ''}
                </Text>
              ) : null}
            </Stack>
          ),
        },
        { key: 'author', header: t('author'), render: (n) => n.authorName ?? '—' },
        { key: 'read', header: t('readState'), render: (n) => <ReadTag readAt={n.readAt} /> },
      ]}
    />
  );
}

/** The provider's status notes on one incoming referral: what was written, and the form to write one. */
export function ProviderStatusNotesSection({ referral }: { referral: IncomingReferral }) {
  const { t } = useTranslation('statusNotes');
  // A declined referral is no longer the provider's to write on (the server refuses it).
  const declined = referral.providerDecision === 'declined';
  const query = useProviderStatusNotes(referral.id, !declined);
  const [sent, setSent] = useState(false);
  if (declined) return null;
  return (
    <Section title={t('providerTitle')} description={t('providerIntro')}>
      <QueryState query={query}>
        {(data) => (
          <Stack gap="md">
            <WrittenNotes data={data} />
            {sent ? (
              <Alert color="green" variant="light" role="status" p="xs" styles={{ message: { color: '#1a1a1a' } }}>
                {t('sent')}
              </Alert>
            ) : null}
            {data.providerDecision === 'accepted' ? (
              <WriteForm key={data.writtenKinds.join(',') + String(data.notes.length)} data={data} interventionName={referral.interventionName} onSent={() => setSent(true)} />
            ) : (
              <Text>{t('acceptFirst')}</Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
