import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { oneOf } from '@samkraft/contracts/common';
import { settlementUnits, tariffSources, type Tariff, type SettlementUnit, type TariffSource } from '@samkraft/contracts/settlement';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { DecimalInput, type DecimalValue } from '../../../ui/DecimalInput.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useAddTariff, useEndTariff } from '../hooks/useSettlement.ts';
import { formatKr } from '../utils/format.ts';

type Option = { value: string; label: string };

export type TariffSectionProps = { tariffs: readonly Tariff[]; canEdit: boolean; today: string; municipalities: readonly Option[]; interventions: readonly Option[] };

function EndTariff({ tariff, today }: { tariff: Tariff; today: string }) {
  const { t } = useTranslation('settlement');
  const end = useEndTariff();
  const [open, setOpen] = useState(false);
  const [validTo, setValidTo] = useState(today);
  const errors = useFieldErrors(end.error);
  if (!open) {
    return (
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('tariffs.end')}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate({ id: tariff.id, validTo }, { onSuccess: () => setOpen(false) });
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput type="date" size="xs" label={t('tariffs.endOn')} value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={errors.validTo ?? errors.validFrom} />
        <Button size="xs" type="submit" loading={end.isPending}>
          {t('tariffs.endSave')}
        </Button>
      </Group>
    </form>
  );
}

function AddTariff({ today, municipalities, interventions }: Omit<TariffSectionProps, 'tariffs' | 'canEdit'>) {
  const { t } = useTranslation('settlement');
  const add = useAddTariff();
  const [provider, setProvider] = useState<string>('');
  const [intervention, setIntervention] = useState<string | null>(null);
  const [unit, setUnit] = useState<SettlementUnit>('session');
  const [price, setPrice] = useState<DecimalValue>('');
  const [from, setFrom] = useState(today);
  const [source, setSource] = useState<TariffSource>('agreed');
  const [note, setNote] = useState('');
  const errors = useFieldErrors(add.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      providerMunicipalityCode: provider === '' ? null : provider,
      interventionCode: intervention ?? '',
      unit,
      priceKr: price === '' ? 0 : price,
      validFrom: from,
      validTo: null,
      source,
      sourceNote: note,
    });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="tariff-add-heading">
        <Title order={3} size="h4" id="tariff-add-heading" mb="xs">
          {t('tariffs.add.title')}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('tariffs.add.provider')} data={[{ value: '', label: t('tariffs.all') }, ...municipalities]} value={provider} onChange={(v) => setProvider(v ?? '')} allowDeselect={false} error={errors.providerMunicipalityCode} />
            <Select label={t('tariffs.add.intervention')} data={[...interventions]} value={intervention} onChange={setIntervention} searchable required error={errors.interventionCode} />
            <Select label={t('tariffs.add.unit')} data={settlementUnits.map((u) => ({ value: u, label: t(`units.${u}`) }))} value={unit} onChange={(v) => setUnit(oneOf(settlementUnits, v ?? 'session'))} allowDeselect={false} error={errors.unit} />
            <DecimalInput label={t('tariffs.add.price')} value={price} onChange={setPrice} min={0.01} max={1_000_000} decimals={2} required error={errors.priceKr} />
            <TextInput type="date" label={t('tariffs.add.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required error={errors.validFrom ?? errors.validTo} />
            <Select label={t('tariffs.add.source')} data={tariffSources.map((s) => ({ value: s, label: t(`sources.${s}`) }))} value={source} onChange={(v) => setSource(oneOf(tariffSources, v ?? 'agreed'))} allowDeselect={false} error={errors.source} />
          </SimpleGrid>
          <TextInput label={t('tariffs.add.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required error={errors.sourceNote} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('tariffs.add.submit')}
            </Button>
            {add.isSuccess ? (
              <Text size="sm" role="status">
                {t('tariffs.add.done')}
              </Text>
            ) : null}
          </Group>
          {add.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}

/** The tariffs with their periods and sources; the coordinator ends one and adds the next. */
export function TariffSection({ tariffs, canEdit, today, municipalities, interventions }: TariffSectionProps) {
  const { t } = useTranslation('settlement');
  const { language } = useLanguage();
  const columns: Column<Tariff>[] = [
    { key: 'intervention', header: t('tariffs.columns.intervention'), render: (x) => x.interventionName, rowHeader: true },
    { key: 'provider', header: t('tariffs.columns.provider'), render: (x) => x.providerName ?? t('tariffs.all') },
    { key: 'unit', header: t('tariffs.columns.unit'), render: (x) => t(`units.${x.unit}`) },
    { key: 'price', header: t('tariffs.columns.price'), render: (x) => formatKr(x.priceKr, language), numeric: true, nowrap: true },
    { key: 'from', header: t('tariffs.columns.from'), render: (x) => x.validFrom, nowrap: true },
    { key: 'to', header: t('tariffs.columns.to'), render: (x) => x.validTo ?? t('tariffs.open'), nowrap: true },
    { key: 'source', header: t('tariffs.columns.source'), render: (x) => t(`sources.${x.source}`) },
    { key: 'note', header: t('tariffs.columns.note'), render: (x) => <Text size="xs">{x.sourceNote}</Text> },
    ...(canEdit ? [{ key: 'actions', header: t('tariffs.columns.actions'), render: (x: Tariff) => <EndTariff tariff={x} today={today} /> }] : []),
  ];
  return (
    <Stack gap="md">
      <DataTable columns={columns} rows={tariffs} rowKey={(x) => x.id} emptyText={t('tariffs.empty')} stackOnNarrow />
      {canEdit ? <AddTariff today={today} municipalities={municipalities} interventions={interventions} /> : <Alert color="gray">{t('tariffs.coordinatorOnly')}</Alert>}
    </Stack>
  );
}
