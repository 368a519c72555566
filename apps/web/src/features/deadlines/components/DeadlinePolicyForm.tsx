import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type DeadlineKind, deadlineKinds, type DeadlineUnit, deadlineUnits } from '@samkraft/contracts/deadlines';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useCreateDeadlinePolicy } from '../hooks/useDeadlines.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';
import { oneOf } from '@samkraft/contracts/common';

export type DeadlinePolicyFormProps = { today: string };

/** Adds an effective-dated policy row; the server refuses all but administrators. */
export function DeadlinePolicyForm({ today }: DeadlinePolicyFormProps) {
  const { t } = useTranslation('deadlines');
  const { t: tw } = useTranslation('worklist');
  const create = useCreateDeadlinePolicy();
  const [kind, setKind] = useState<DeadlineKind>('first_contact');
  const [amount, setAmount] = useState<number | string>(5);
  const [unit, setUnit] = useState<DeadlineUnit>('working_days');
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [source, setSource] = useState('');
  const errors = useFieldErrors(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ kind, amount: Number(amount), unit, effectiveFrom, source: source.trim() }, { onSuccess: () => setSource('') });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="new-policy-heading">
        <Title order={2} size="h3" id="new-policy-heading" mb="xs">
          {t('policies.formTitle')}
        </Title>
        <Text mb="md">{t('policies.formIntro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect label={t('policies.kind')} required value={kind} onChange={(e) => setKind(oneOf(deadlineKinds, e.currentTarget.value))} data={deadlineKinds.map((k) => ({ value: k, label: tw(`kinds.${k}`) }))} error={errors.kind} />
          <TextInput type="date" label={t('policies.effectiveFrom')} required value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.currentTarget.value)} error={errors.effectiveFrom} />
          <DecimalInput label={t('policies.amount')} required min={1} max={366} value={amount} onChange={setAmount} error={errors.amount} />
          <NativeSelect label={t('policies.unit')} required value={unit} onChange={(e) => setUnit(oneOf(deadlineUnits, e.currentTarget.value))} data={deadlineUnits.map((u) => ({ value: u, label: t(`units.${u}`) }))} error={errors.unit} />
        </SimpleGrid>
        <Textarea label={t('policies.source')} mt="md" required autosize minRows={2} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.source} />
        <Group mt="md">
          <Button type="submit" loading={create.isPending}>
            {t('policies.submit')}
          </Button>
        </Group>
        {create.isSuccess ? (
          <Alert color="green" variant="light" mt="md" role="status">
            {t('policies.saved')}
          </Alert>
        ) : null}
        {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
      </form>
    </Paper>
  );
}
