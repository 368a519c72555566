import { Button, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { oneOf } from '@samkraft/contracts/common';
import { settlementModes, type SettlementMode } from '@samkraft/contracts/settlement';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementParams } from '../api/settlementApi.ts';

export type StatementFormProps = { initial: StatementParams; onShow: (params: StatementParams) => void; fieldErrors: Record<string, string> };

/** The period and the mode of the statement to show. */
export function StatementForm({ initial, onShow, fieldErrors }: StatementFormProps) {
  const { t } = useTranslation('settlement');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [mode, setMode] = useState<SettlementMode>(initial.mode);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onShow({ from, to, mode });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="settlement-form-heading">
        <Title order={2} size="h3" id="settlement-form-heading" mb="xs">
          {t('form.title')}
        </Title>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label={t('form.from')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fieldErrors.from} />
            <TextInput type="date" label={t('form.to')} required value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fieldErrors.to} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settlement-mode-label">
              {t('form.mode')}
            </Text>
            <SegmentedControl aria-labelledby="settlement-mode-label" value={mode} onChange={(v) => setMode(oneOf(settlementModes, v))} data={settlementModes.map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
          </Stack>
          <div>
            <Button type="submit">{t('form.show')}</Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
