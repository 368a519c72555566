import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { oneOf } from '@samkraft/contracts/common';
import { organisationKinds, type OrganisationDetail } from '@samkraft/contracts/organisations';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { fieldElementId } from '../../../ui/utils/errorSummary.ts';
import { useAllMunicipalities, useCreateOrganisation, useHospitals, useSaveOrganisation } from '../hooks/useOrganisations.ts';
import {
  emptyOrganisationForm,
  formOf,
  isOrganisationField,
  organisationFieldOrder,
  type OrganisationForm as FormValues,
  showsParent,
  showsYdernummer,
  toOrganisationFields,
} from '../utils/organisationForm.ts';

const FORM_ID = 'organisation';
const fid = (field: string) => fieldElementId(FORM_ID, field);

export type OrganisationFormProps = {
  /** The organisation to change; null adds a new one. */
  organisation: OrganisationDetail | null;
  onSaved: (saved: OrganisationDetail) => void;
  onCancel: () => void;
};

/**
 * The administrator's form for an organisation: its kind, name, identifiers (each refused by the
 * server with its field named — a GLN's check digit, a CVR number's modulus 11, a SOR code or GLN
 * another organisation has) and address. A unit without SOR code and GLN is told what it cannot do.
 */
export function OrganisationForm({ organisation, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation('organisations');
  const headingId = useId();
  const create = useCreateOrganisation();
  const save = useSaveOrganisation();
  const mutation = organisation === null ? create : save;
  const errors = useFieldErrors(mutation.error);
  const hospitals = useHospitals();
  const municipalities = useAllMunicipalities();
  const [form, setForm] = useState<FormValues>(() => (organisation ? formOf(organisation) : emptyOrganisationForm()));
  const set = (key: keyof FormValues, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const label = (field: string) => (isOrganisationField(field) ? t(`form.${field}`) : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = toOrganisationFields(form);
    if (organisation === null) create.mutate(body, { onSuccess: onSaved });
    else save.mutate({ id: organisation.id, body }, { onSuccess: onSaved });
  };

  const addressable = form.sorCode.trim() !== '' && form.gln.trim() !== '';
  const title = organisation === null ? t('form.newTitle') : t('form.editTitle', { name: organisation.name });
  const hospitalOptions = (hospitals.data?.items ?? []).filter((h) => h.id !== organisation?.id).map((h) => ({ value: h.id, label: h.name }));
  const municipalityOptions = (municipalities.data ?? []).map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));
  const text = (field: 'name' | 'sorCode' | 'gln' | 'cvr' | 'ydernummer' | 'address' | 'phone', o: { hint?: string; numeric?: boolean; maxLength: number; required?: boolean }) => (
    <TextInput
      id={fid(field)}
      label={t(`form.${field}`)}
      description={o.hint}
      required={o.required}
      inputMode={o.numeric ? 'numeric' : undefined}
      maxLength={o.maxLength}
      value={form[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      error={errors[field]}
    />
  );

  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
        <Title order={2} size="h3" id={headingId} mb="sm">
          {title}
        </Title>
        <Stack gap="md">
          <ErrorSummary errors={errors} formId={FORM_ID} label={label} order={organisationFieldOrder} focusKey={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={fid('kind')}
              label={t('form.kind')}
              required
              value={form.kind}
              onChange={(e) => set('kind', oneOf(organisationKinds, e.currentTarget.value))}
              data={organisationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              error={errors.kind}
            />
            {text('name', { maxLength: 200, required: true })}
            {showsParent(form.kind) ? (
              <NativeSelect
                id={fid('parentId')}
                label={t('form.parentId')}
                required
                value={form.parentId}
                onChange={(e) => set('parentId', e.currentTarget.value)}
                data={[{ value: '', label: t('form.parentNone') }, ...hospitalOptions]}
                error={errors.parentId}
              />
            ) : null}
            {text('sorCode', { hint: t('form.sorCodeHint'), numeric: true, maxLength: 18 })}
            {text('gln', { hint: t('form.glnHint'), numeric: true, maxLength: 13 })}
            {text('cvr', { hint: t('form.cvrHint'), numeric: true, maxLength: 8 })}
            {showsYdernummer(form.kind) ? text('ydernummer', { hint: t('form.ydernummerHint'), numeric: true, maxLength: 6 }) : null}
            <NativeSelect
              id={fid('municipalityCode')}
              label={t('form.municipalityCode')}
              required={form.kind === 'municipal_unit'}
              value={form.municipalityCode}
              onChange={(e) => set('municipalityCode', e.currentTarget.value)}
              data={[{ value: '', label: t('form.municipalityNone') }, ...municipalityOptions]}
              error={errors.municipalityCode}
            />
            {text('address', { maxLength: 300 })}
            {text('phone', { maxLength: 20 })}
          </SimpleGrid>
          {addressable ? null : (
            <Alert color="yellow" variant="light" styles={{ message: { color: '#1a1a1a' } }}>
              <Text size="sm">{form.kind === 'municipal_unit' ? t('messaging.unitMissing') : t('messaging.missing')}</Text>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {organisation === null ? t('form.create') : t('form.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          </Group>
          {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
