import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { type Deadline, type PauseReason, pauseReasons } from '@samkraft/contracts/deadlines';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../../ui/Disclosure.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { fieldElementId } from '../../../ui/utils/errorSummary.ts';
import { usePauseDeadline } from '../hooks/useDeadlines.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { oneOf } from '@samkraft/contracts/common';

export type PauseDeadlineFormProps = { courseId: string; deadlines: readonly Deadline[]; today: string };

/** Only the home municipality's running deadlines: the provider pauses its own. */
const FORM_ID = 'pause-deadline';
const fid = (field: string) => fieldElementId(FORM_ID, field);
/** The form's fields top to bottom, with their labels' keys in `pause.*`. */
const fieldLabelKeys = { deadlineKind: 'deadline', pausedOn: 'pausedOn', reason: 'reason', note: 'note' } as const;
const fieldOrder = Object.keys(fieldLabelKeys);
const isLabelled = (field: string): field is keyof typeof fieldLabelKeys => Object.hasOwn(fieldLabelKeys, field);

const isPausable = (d: Deadline) => d.actor === 'home' && d.metOn === null && d.openPauseId === null;

export function PauseDeadlineForm({ courseId, deadlines, today }: PauseDeadlineFormProps) {
  const { t } = useTranslation('deadlines');
  const { t: tw } = useTranslation('worklist');
  const pause = usePauseDeadline(courseId);
  const running = deadlines.filter(isPausable);
  const [kind, setKind] = useState<string>('');
  const [pausedOn, setPausedOn] = useState(today);
  const [reason, setReason] = useState<PauseReason>('citizen_wish');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const errors = useFieldErrors(pause.error);
  const fieldLabel = (field: string): string | undefined => (isLabelled(field) ? t(`pause.${fieldLabelKeys[field]}`) : undefined);
  const chosen = running.find((d) => d.kind === kind)?.kind ?? running[0]?.kind;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason === 'other' && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    // Without a running deadline the form shows no fields and no button.
    if (chosen === undefined) return;
    pause.mutate({ deadlineKind: chosen, pausedOn, reason, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };

  return (
    <Paper withBorder p="md" radius="sm">
      {/* Seldom needed: folded away under its heading. */}
      <Disclosure title={t('pause.title')} headingId="pause-deadline-heading" defaultOpen={false}>
        <form onSubmit={onSubmit} aria-labelledby="pause-deadline-heading" noValidate>
          <Text size="sm" mb="sm">
            {t('pause.intro')}
          </Text>
          {running.length === 0 ? (
            <Text size="sm">{t('pause.nothing')}</Text>
          ) : (
            <>
              <ErrorSummary errors={errors} formId={FORM_ID} label={fieldLabel} order={fieldOrder} focusKey={pause.error} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt={Object.keys(errors).length > 0 ? 'md' : undefined}>
                <NativeSelect id={fid('deadlineKind')} label={t('pause.deadline')} required value={chosen ?? ''} onChange={(e) => setKind(e.currentTarget.value)} data={running.map((d) => ({ value: d.kind, label: tw(`kinds.${d.kind}`) }))} error={errors.deadlineKind} />
                <TextInput id={fid('pausedOn')} type="date" label={t('pause.pausedOn')} required max={today} value={pausedOn} onChange={(e) => setPausedOn(e.currentTarget.value)} error={errors.pausedOn} />
                <NativeSelect id={fid('reason')} label={t('pause.reason')} required value={reason} onChange={(e) => setReason(oneOf(pauseReasons, e.currentTarget.value))} data={pauseReasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} error={errors.reason} />
              </SimpleGrid>
              <Textarea id={fid('note')} label={t('pause.note')} mt="md" autosize minRows={2} required={reason === 'other'} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={noteMissing ? t('pause.noteRequired') : errors.note} />
              <Group mt="md">
                <Button type="submit" loading={pause.isPending}>
                  {t('pause.submit')}
                </Button>
              </Group>
              {pause.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={pause.error} /> : null}
            </>
          )}
        </form>
      </Disclosure>
    </Paper>
  );
}
