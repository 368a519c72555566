import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CourseCrossReferrals, CrossReferralSummary } from '@samkraft/contracts/cross-referrals';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import type { Share } from '../api/crossReferralsApi.ts';
import { useSendUpdate, useUpdatePreview } from '../hooks/useCrossReferrals.ts';
import { SharePicker } from './SharePicker.tsx';
import { SnapshotView } from './SnapshotView.tsx';

type Props = { courseId: string; data: CourseCrossReferrals; referral: CrossReferralSummary; onDone: () => void };

/**
 * The provider keeps what it got; a later revision reaches it only as an update the contact person
 * chooses, previews and sends here.
 */
export function UpdateForm({ courseId, data, referral, onDone }: Props) {
  const { t } = useTranslation('crossReferrals');
  const [share, setShare] = useState<Share>({ planFields: [], assessmentItems: [] });
  const preview = useUpdatePreview(referral.id);
  const send = useSendUpdate(courseId);
  const errors = { ...useFieldErrors(preview.error), ...useFieldErrors(send.error) };
  const title = t('updateTitle', { intervention: referral.interventionName, provider: referral.providerMunicipalityName });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ id: referral.id, share }, { onSuccess: () => preview.reset() });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={title}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {title}
        </Title>
        <Text size="sm">{t('updateIntro')}</Text>
        <SharePicker
          options={data.shareOptions}
          value={share}
          onChange={(s) => {
            setShare(s);
            preview.reset();
            send.reset();
          }}
          errors={errors}
        />
        <Group>
          <Button variant="light" onClick={() => preview.mutate(share)} loading={preview.isPending}>
            {t('preview')}
          </Button>
        </Group>
        {preview.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={preview.error} /> : null}
        {preview.data ? (
          <Paper withBorder p="sm" component="section" aria-label={t('updatePreviewTitle')}>
            <Stack gap="xs">
              <Title order={5} size="h6">
                {t('updatePreviewTitle')}
              </Title>
              <SnapshotView snapshot={preview.data} headingLevel={5} />
            </Stack>
          </Paper>
        ) : null}
        <Group>
          <Button type="submit" disabled={!preview.data} loading={send.isPending}>
            {t('sendUpdate')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('close')}
          </Button>
        </Group>
        {send.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={send.error} /> : null}
        {send.isSuccess ? (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {t('updateSent')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
