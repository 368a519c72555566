import { Button, Group, Text, TextInput } from '@mantine/core';
import type { KlMunicipalitySetting } from '@samkraft/contracts/kl-gateway';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useSaveKlMunicipality } from '../hooks/useKlGateway.ts';

/** One municipality's two SOR codes, saved together. */
function SorForm({ m }: { m: KlMunicipalitySetting }) {
  const { t } = useTranslation('klGateway');
  const save = useSaveKlMunicipality(m.code);
  const [custodian, setCustodian] = useState(m.custodianSor ?? '');
  const [unit, setUnit] = useState(m.unitSor ?? '');
  const errors = useFieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ custodianSor: custodian.trim(), unitSor: unit.trim() || null });
  };
  return (
    <form onSubmit={onSubmit} aria-label={m.name}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput size="xs" aria-label={`${t('sor.columns.custodian')}, ${m.name}`} inputMode="numeric" maxLength={18} value={custodian} onChange={(e) => setCustodian(e.currentTarget.value)} error={errors.custodianSor} />
        <TextInput size="xs" aria-label={`${t('sor.columns.unit')}, ${m.name}`} inputMode="numeric" maxLength={18} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} error={errors.unitSor} />
        <Button size="xs" type="submit" variant="light" loading={save.isPending}>
          {t('sor.save')}
        </Button>
        {save.isSuccess ? (
          <Text size="xs" role="status">
            {t('sor.saved')}
          </Text>
        ) : null}
      </Group>
    </form>
  );
}

/** The member municipalities' SOR codes; a row the user may change is a small form. */
export function KlSorTable({ municipalities, canEdit }: { municipalities: readonly KlMunicipalitySetting[]; canEdit: (code: string) => boolean }) {
  const { t } = useTranslation('klGateway');
  const columns: Column<KlMunicipalitySetting>[] = [
    { key: 'municipality', header: t('sor.columns.municipality'), rowHeader: true, render: (m) => m.name },
    {
      key: 'sor',
      header: `${t('sor.columns.custodian')} · ${t('sor.columns.unit')}`,
      render: (m) => (canEdit(m.code) ? <SorForm m={m} /> : [m.custodianSor ?? '—', m.unitSor ?? '—'].join(' · ')),
    },
  ];
  return <DataTable columns={columns} rows={municipalities} rowKey={(m) => m.code} emptyText="—" stackOnNarrow />;
}
