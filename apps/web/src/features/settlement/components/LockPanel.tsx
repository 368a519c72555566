import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SettlementStatement } from '@samkraft/contracts/settlement';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useLockSettlement } from '../hooks/useSettlement.ts';

export type LockPanelProps = { statement: SettlementStatement };

/** Settles the shown period net and locks it, after a confirmation in the page (no dialog to lose focus in). */
export function LockPanel({ statement }: LockPanelProps) {
  const { t } = useTranslation('settlement');
  const lock = useLockSettlement();
  const [confirming, setConfirming] = useState(false);
  const errors = Object.values(useFieldErrors(lock.error));
  const { from, to } = statement.period;
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('lock.title')}
        </Title>
        <Text size="sm">{t('lock.intro')}</Text>
        {confirming ? (
          <Paper withBorder p="md" radius="sm" role="alertdialog" aria-labelledby="settlement-lock-confirm" style={{ borderColor: '#b02525', borderWidth: 2 }}>
            <Stack gap="sm">
              <Title order={3} size="h4" id="settlement-lock-confirm">
                {t('lock.confirmTitle', { from, to })}
              </Title>
              <Text size="sm">{t('lock.confirmText')}</Text>
              <Group>
                <Button color="#b02525" loading={lock.isPending} onClick={() => lock.mutate({ from, to }, { onSuccess: () => setConfirming(false) })}>
                  {t('lock.confirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('lock.cancel')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Group>
            <Button onClick={() => setConfirming(true)}>{t('lock.button')}</Button>
          </Group>
        )}
        {errors.length > 0 ? <Alert color="red">{errors.join(' ')}</Alert> : lock.isError ? <ErrorAlert error={lock.error} /> : null}
      </Stack>
    </Paper>
  );
}
