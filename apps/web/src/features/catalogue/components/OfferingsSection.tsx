import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { Offering, OfferingPatch } from '@samkraft/contracts/catalogue';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useOfferings, usePatchOffering } from '../hooks/useOfferings.ts';
import { DecimalInput, type DecimalValue } from '../../../ui/DecimalInput.tsx';

export type OfferingsSectionProps = { interventionCode: string; canEdit: boolean };

/** The intervention's offerings; administrators edit place, contact, capacity and validity. */
export function OfferingsSection({ interventionCode, canEdit }: OfferingsSectionProps) {
  const { t } = useTranslation('catalogue');
  const { language } = useLanguage();
  const offerings = useOfferings(interventionCode);
  const [editing, setEditing] = useState<Offering | null>(null);
  const [saved, setSaved] = useState(false);
  const columns: Column<Offering>[] = [
    { key: 'host', header: t('columns.host'), rowHeader: true, render: (o) => o.host.name },
    { key: 'place', header: t('columns.place'), render: (o) => [o.placeName, o.address].filter(Boolean).join(', ') },
    { key: 'contact', header: t('columns.contact'), render: (o) => [o.contactName, o.contactPhone, o.contactEmail].filter(Boolean).join(', ') },
    { key: 'capacity', header: t('columns.capacity'), numeric: true, render: (o) => String(o.capacity) },
    { key: 'validity', header: t('columns.validity'), nowrap: true, render: (o) => t('validity', { from: formatDate(o.validFrom, language), to: o.validTo ? formatDate(o.validTo, language) : t('open') }) },
    ...(canEdit
      ? [
          {
            key: 'edit',
            header: t('columns.edit'),
            render: (o: Offering) => (
              <Button size="xs" variant="light" aria-label={`${t('edit')}: ${o.host.name}`} onClick={() => { setSaved(false); setEditing(o); }}>
                {t('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Section title={t('offeringsTitle')} description={canEdit ? undefined : t('adminOnly')}>
      <Stack gap="md">
        <QueryState query={offerings}>{(rows) => <DataTable columns={columns} rows={rows} rowKey={(o) => o.id} emptyText={t('offeringsEmpty')} />}</QueryState>
        {saved ? <Alert color="green" role="status">{t('saved')}</Alert> : null}
        {editing ? <OfferingForm key={editing.id} offering={editing} onDone={() => { setEditing(null); setSaved(true); }} onCancel={() => setEditing(null)} /> : null}
      </Stack>
    </Section>
  );
}

/** What the offering's inputs hold. */
type OfferingFormState = { placeName: string; address: string; contactName: string; contactPhone: string; contactEmail: string; capacity: DecimalValue; validFrom: string; validTo: string };

function OfferingForm({ offering, onDone, onCancel }: { offering: Offering; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('catalogue');
  const patch = usePatchOffering();
  const errors = useFieldErrors(patch.error);
  const [v, setV] = useState<OfferingFormState>({
    placeName: offering.placeName,
    address: offering.address ?? '',
    contactName: offering.contactName ?? '',
    contactPhone: offering.contactPhone ?? '',
    contactEmail: offering.contactEmail ?? '',
    capacity: offering.capacity,
    validFrom: offering.validFrom,
    validTo: offering.validTo ?? '',
  });
  const text = (k: 'placeName' | 'address' | 'contactName' | 'contactPhone' | 'contactEmail' | 'validFrom' | 'validTo', type = 'text') => (
    <TextInput type={type} label={t(`fields.${k}`)} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })} error={errors[k]} required={k === 'placeName' || k === 'validFrom'} />
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    const body: OfferingPatch = {
      placeName: v.placeName.trim(),
      address: orNull(v.address),
      contactName: orNull(v.contactName),
      contactPhone: orNull(v.contactPhone),
      contactEmail: orNull(v.contactEmail),
      // Empty or refused goes as null (JSON has no NaN): the server names the field.
      capacity: v.capacity === '' ? Number.NaN : v.capacity,
      validFrom: v.validFrom,
      validTo: orNull(v.validTo),
    };
    patch.mutate({ id: offering.id, body }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="offering-form-heading" noValidate>
        <Title order={3} size="h4" id="offering-form-heading" mb="sm">
          {t('editTitle', { host: offering.host.name })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {text('placeName')}
          {text('address')}
          {text('contactName')}
          {text('contactPhone', 'tel')}
          {text('contactEmail', 'email')}
          <DecimalInput label={t('fields.capacity')} min={0} max={500} value={v.capacity} onChange={(n) => setV({ ...v, capacity: n })} error={errors.capacity} required />
          {text('validFrom', 'date')}
          {text('validTo', 'date')}
        </SimpleGrid>
        {patch.error && Object.keys(errors).length === 0 ? <ErrorAlert error={patch.error} /> : null}
        <Group mt="md">
          <Button type="submit" loading={patch.isPending}>
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
