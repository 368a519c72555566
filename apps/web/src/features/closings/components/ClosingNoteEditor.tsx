import { Alert, Anchor, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ClosingNote, ClosingOverview } from '@samkraft/contracts/closings';
import type { MessageSummary } from '@samkraft/contracts/messaging';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { closingNotePdfUrl } from '../api/closingsApi.ts';
import { useDraftNote, useHospitalDepartments, useSaveNote, useSendNote } from '../hooks/useClosing.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';

type Props = { courseId: string; data: ClosingOverview };

/** The GP clinic as the note's header prints it: name, ydernummer and SOR code, address. */
function gpLine(gp: NonNullable<ClosingOverview['gp']>): string {
  const numbers = [gp.ydernummer ? `ydernr. ${gp.ydernummer}` : null, gp.sorCode ? `SOR ${gp.sorCode}` : null].filter(Boolean).join(', ');
  return [numbers ? `${gp.name} (${numbers})` : gp.name, gp.address].filter(Boolean).join(', ');
}

/** "Sendt" only when sent: the electronic note's state as its message has it — being sent, sent, delivered, or failed and why. */
function MessageStatus({ message, to }: { message: MessageSummary; to: 'gp' | 'hospital' }) {
  const { t } = useTranslation('closings');
  const { language } = useLanguage();
  const day = (iso: string | null) => (iso ? formatDate(danishDateOf(iso), language) : '');
  const gp = to === 'gp';
  const text =
    message.state === 'queued'
      ? t(gp ? 'messageQueued' : 'hospitalMessageQueued')
      : message.state === 'sent'
        ? t(gp ? 'messageSent' : 'hospitalMessageSent', { date: day(message.sentAt), count: message.sends })
        : message.state === 'delivered'
          ? t(gp ? 'messageDelivered' : 'hospitalMessageDelivered', { date: day(message.acknowledgedAt) })
          : t(gp ? 'messageFailed' : 'hospitalMessageFailed', { reason: message.reason ?? t('messageFailedUnknown') });
  return (
    <Text fw={600} data-testid={gp ? 'closing-message-status' : 'closing-hospital-message-status'}>
      {text}
    </Text>
  );
}

function SentSummary({ note, message, hospitalMessage }: { note: ClosingNote; message: MessageSummary | null; hospitalMessage: MessageSummary | null }) {
  const { t } = useTranslation('closings');
  const { language } = useLanguage();
  const failed = message?.state === 'failed' || hospitalMessage?.state === 'failed';
  return (
    <Alert color={failed ? 'red' : 'green'} variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
      <Stack gap={4}>
        {message ? <MessageStatus message={message} to="gp" /> : null}
        {hospitalMessage ? <MessageStatus message={hospitalMessage} to="hospital" /> : null}
        {message || hospitalMessage ? null : <Text fw={600}>{t('sentSummary', { date: formatDate(note.sentOn ?? '', language) })}</Text>}
        {note.sentToGp && note.gp ? <Text size="sm">{t(message ? 'sentToGpElectronically' : 'sentToGpSummary', { name: note.gp.name })}</Text> : null}
        {note.sentToHospital && note.hospitalDepartment ? <Text size="sm">{t(hospitalMessage ? 'sentToHospitalElectronically' : 'sentToHospitalSummary', { name: note.hospitalDepartment.name })}</Text> : null}
        {message?.state === 'failed' ? <Text size="sm">{t('messageFailedHelp')}</Text> : null}
        {note.sentBy ? <Text size="sm">{t(message || hospitalMessage ? 'sentElectronicallyBy' : 'sentBy', { name: note.sentBy })}</Text> : null}
      </Stack>
    </Alert>
  );
}

function SendForm({ courseId, data }: Props) {
  const { t } = useTranslation('closings');
  const mutation = useSendNote(courseId);
  const departments = useHospitalDepartments();
  const errors = useFieldErrors(mutation.error);
  const [sentOn, setSentOn] = useState(danishToday());
  const [toGp, setToGp] = useState(data.gp !== null);
  const [toHospital, setToHospital] = useState(false);
  const [departmentId, setDepartmentId] = useState('');
  const [consent, setConsent] = useState(false);
  // To the GP or a department with SOR and GLN on both sides the note goes out now, as a MedCom message: dated today.
  const department = (departments.data ?? []).find((o) => o.id === departmentId);
  const departmentElectronic = toHospital && department !== undefined && department.addressable && data.channel.senderReady;
  const electronic = (data.channel.electronic && toGp) || departmentElectronic;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ sentOn: electronic ? danishToday() : sentOn, toGp, toHospital, hospitalDepartmentId: toHospital && departmentId ? departmentId : null, hospitalConsent: toHospital && consent });
  };
  const general = errors.note ?? errors.conversation;
  return (
    <Fieldset legend={t('sendTitle')}>
      <form onSubmit={submit} noValidate aria-label={t('sendTitle')}>
        <Stack gap="sm">
        <Text size="sm">{data.channel.electronic && toGp ? t('sendElectronically') : t('sendClosesCourse')}</Text>
        {data.channel.reason && data.gp ? (
          <Text size="sm" data-testid="closing-channel-reason">
            {t(`channelReasons.${data.channel.reason}`)}
          </Text>
        ) : null}
        {electronic ? (
          errors.sentOn ? <Text size="sm" c="red.8">{errors.sentOn}</Text> : null
        ) : (
          <TextInput type="date" label={t('sentOn')} value={sentOn} max={danishToday()} onChange={(e) => setSentOn(e.currentTarget.value)} error={errors.sentOn} withAsterisk w={220} />
        )}
        <Checkbox
          label={data.gp ? t('toGpWith', { name: gpLine(data.gp) }) : t('toGp')}
          description={data.gp ? undefined : t('gpUnknown')}
          checked={toGp}
          onChange={(e) => setToGp(e.currentTarget.checked)}
          error={errors.toGp}
        />
        <Checkbox label={t('toHospital')} checked={toHospital} onChange={(e) => setToHospital(e.currentTarget.checked)} />
        {toHospital ? (
          <>
            <NativeSelect
              label={t('hospitalDepartment')}
              value={departmentId}
              onChange={(e) => setDepartmentId(e.currentTarget.value)}
              error={errors.hospitalDepartmentId}
              withAsterisk
              data={[{ value: '', label: t('chooseDepartment') }, ...(departments.data ?? []).map((o) => ({ value: o.id, label: o.parentName ? `${o.parentName} – ${o.name}` : o.name }))]}
            />
            {department ? (
              <Text size="sm" data-testid="closing-department-channel">
                {departmentElectronic ? t('departmentElectronic') : department.addressable ? t('departmentSenderBlocked') : t('channelReasons.department_not_addressable')}
              </Text>
            ) : null}
            <Checkbox label={t('hospitalConsent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={errors.hospitalConsent} />
          </>
        ) : null}
        {general ? (
          <Alert color="red" variant="light" role="alert" p="xs" styles={{ message: { color: '#1a1a1a' } }}>
            {general}
          </Alert>
        ) : null}
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {data.channel.electronic && toGp ? t('sendToGp') : electronic ? t('sendElectronicallyButton') : t('send')}
          </Button>
        </Group>
        </Stack>
      </form>
    </Fieldset>
  );
}

/** "Lav udkast" → edit → save → PDF → mark sent. Once sent, the text is read-only. */
export function ClosingNoteEditor({ courseId, data }: Props) {
  const { t } = useTranslation('closings');
  const { language } = useLanguage();
  const note = data.note;
  const sent = note?.sentOn != null;
  const [body, setBody] = useState(note?.body ?? '');
  const draft = useDraftNote(courseId);
  const save = useSaveNote(courseId);
  const errors = useFieldErrors(save.error);
  const dirty = body !== (note?.body ?? '');
  const saveNote = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(body);
  };
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="closing-gp">
        <Text span fw={600}>
          {t('gpRecipient')}
        </Text>{' '}
        {data.gp ? gpLine(data.gp) : t('gpNotKnown')}
      </Text>
      {sent && note ? <SentSummary note={note} message={data.message} hospitalMessage={data.hospitalMessage} /> : null}
      {sent ? null : (
        <Stack gap={4}>
          <Group>
            <Button variant="light" loading={draft.isPending} onClick={() => draft.mutate(undefined, { onSuccess: (d) => setBody(d.body) })}>
              {body ? t('redraft') : t('draft')}
            </Button>
          </Group>
          {body ? <Text size="xs">{t('draftReplaces')}</Text> : null}
          {draft.isError ? <ErrorAlert error={draft.error} /> : null}
        </Stack>
      )}
      <form onSubmit={saveNote} noValidate aria-label={t('noteTitle')}>
        <Stack gap="sm">
        <Textarea label={t('noteBody')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body ?? errors.note} autosize minRows={12} maxRows={40} readOnly={sent} withAsterisk={!sent} />
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        {dirty && !sent ? <Text size="sm">{t('unsaved')}</Text> : null}
        {note?.editedAt && note.editedBy ? <Text size="sm">{t('noteEdited', { date: formatDate(danishDateOf(note.editedAt), language), name: note.editedBy })}</Text> : null}
        <Group>
          {sent ? null : (
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('saveNote')}
            </Button>
          )}
          {note ? (
            <Anchor href={closingNotePdfUrl(courseId)} download>
              {t('pdf')}
            </Anchor>
          ) : null}
        </Group>
        </Stack>
      </form>
      {sent ? null : note && !dirty ? <SendForm courseId={courseId} data={data} /> : <Text size="sm">{t('sendNeedsSaved')}</Text>}
    </Stack>
  );
}
