import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { TeamSession } from '@samkraft/contracts/teams';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useCancelSession, useReinstateSession } from '../hooks/useTeams.ts';

export type SessionCancelPanelProps = { session: TeamSession };

/** Cancel one session with a reason (e.g. the therapist is ill), or reinstate one cancelled by mistake. */
export function SessionCancelPanel({ session }: SessionCancelPanelProps) {
  const { t } = useTranslation('teams');
  const cancel = useCancelSession(session.id);
  const reinstate = useReinstateSession(session.id);
  const errors = useFieldErrors(cancel.error ?? reinstate.error);
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate({ reason: reason.trim() });
  };
  const failure = cancel.error ?? reinstate.error;
  const generalError = failure && !errors.reason ? <ErrorAlert error={failure} /> : null;
  if (session.cancelled) {
    return (
      <Stack gap="sm">
        <Alert color="red" role="status" title={t('cancelSession.cancelled', { reason: session.cancelReason ?? '' })}>
          {t('cancelSession.reinstateHint')}
        </Alert>
        <Group>
          <Button size="md" variant="outline" onClick={() => reinstate.mutate(undefined)} loading={reinstate.isPending}>
            {t('cancelSession.reinstate')}
          </Button>
        </Group>
        {errors.sessionId ? <Text c="red" size="sm">{errors.sessionId}</Text> : generalError}
      </Stack>
    );
  }
  return (
    <Section title={t('cancelSession.title')} description={t('cancelSession.intro')}>
      <form onSubmit={onSubmit} aria-label={t('cancelSession.title')}>
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            size="md"
            label={t('cancelSession.reason')}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ?? errors.sessionId}
          />
          <Button type="submit" size="md" color="#b02525" loading={cancel.isPending}>
            {t('cancelSession.submit')}
          </Button>
        </Group>
      </form>
      {errors.sessionId || errors.reason ? null : generalError}
    </Section>
  );
}
