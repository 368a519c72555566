import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { citizenDeclineReasons, type CrossReferralSummary } from '@samkraft/contracts/cross-referrals';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { useHomeCitizenDecline } from '../hooks/useCrossReferrals.ts';

type Props = { courseId: string; referral: CrossReferralSummary; onDone: () => void };

/** The citizen declines the offer, told to the contact person: recorded on the home side with a reason (note Table 6). */
export function HomeDeclineForm({ courseId, referral, onDone }: Props) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useHomeCitizenDecline(courseId, referral.id);
  const [declinedOn, setDeclinedOn] = useState(danishToday());
  const [reason, setReason] = useState<string>('not_relevant');
  const [note, setNote] = useState('');
  const errors = useFieldErrors(mutation.error);
  const title = t('homeDeclineTitle', { intervention: referral.interventionName });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ declinedOn, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={title}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {title}
        </Title>
        <Group align="flex-start">
          <TextInput type="date" label={t('declinedOn')} value={declinedOn} min={referral.receivedOn} max={danishToday()} onChange={(e) => setDeclinedOn(e.currentTarget.value)} error={errors.declinedOn} withAsterisk />
          <NativeSelect
            label={t('citizenDeclineReason')}
            value={reason}
            data={citizenDeclineReasons.map((r) => ({ value: r, label: t(`declineReasonLabels.${r}`) }))}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            withAsterisk
          />
        </Group>
        <Textarea label={t('note')} description={reason === 'other' ? t('noteOtherHint') : undefined} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={mutation.isSuccess}>
            {t('recordCitizenDecline')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('close')}
          </Button>
        </Group>
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        {mutation.isSuccess ? (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {t('declineRecorded')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
