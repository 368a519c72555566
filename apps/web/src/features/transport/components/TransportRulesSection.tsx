import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TransportRule, TransportRules } from '@samkraft/contracts/transport';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useAddTransportRule } from '../hooks/useTransport.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';

export function TransportRulesTable({ data }: { data: TransportRules }) {
  const { t } = useTranslation('transport');
  const columns: Column<TransportRule>[] = [
    { key: 'year', header: t('columns.year'), rowHeader: true, render: (r) => r.year },
    { key: 'pensioner', header: t('columns.pensioner'), numeric: true, nowrap: true, render: (r) => t('kr', { amount: r.pensionerMinDkk }) },
    { key: 'nonPensioner', header: t('columns.nonPensioner'), numeric: true, nowrap: true, render: (r) => t('kr', { amount: r.nonPensionerMinDkk }) },
    { key: 'distance', header: t('columns.distance'), nowrap: true, render: (r) => t('km', { km: r.distanceKm }) },
    { key: 'source', header: t('columns.source'), render: (r) => <Text size="sm">{r.source}</Text> },
  ];
  return <DataTable columns={columns} rows={data.items} rowKey={(r) => r.effectiveFrom} emptyText={t('none')} />;
}

export function TransportRuleForm({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation('transport');
  const add = useAddTransportRule();
  const [year, setYear] = useState<number | string>(defaultYear);
  const [pensioner, setPensioner] = useState<number | string>('');
  const [nonPensioner, setNonPensioner] = useState<number | string>('');
  const [source, setSource] = useState('');
  const errors = useFieldErrors(add.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ year: Number(year), pensionerMinDkk: Number(pensioner), nonPensionerMinDkk: Number(nonPensioner), distanceKm: 50, source: source.trim() }, { onSuccess: () => setSource('') });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="new-transport-rule-heading">
        <Title order={2} size="h3" id="new-transport-rule-heading" mb="sm">
          {t('addTitle')}
        </Title>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DecimalInput label={t('year')} required min={2000} max={2100} value={year} onChange={setYear} error={errors.year} />
            <DecimalInput label={t('pensioner')} required min={0} decimals={2} value={pensioner} onChange={setPensioner} error={errors.pensionerMinDkk} />
            <DecimalInput label={t('nonPensioner')} required min={0} decimals={2} value={nonPensioner} onChange={setNonPensioner} error={errors.nonPensionerMinDkk} />
          </SimpleGrid>
          <TextInput label={t('source')} required maxLength={500} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.source} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('add')}
            </Button>
          </Group>
          {add.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
