import { Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOrganisations } from '../api/referralsApi.ts';
import { gpClinicLabel, type GpForm } from '../utils/gpForm.ts';

export type GpClinicFieldsProps = {
  value: GpForm;
  onChange: (next: GpForm) => void;
  /** The server's field errors by path (`gp.ydernummer` …). */
  errors: Record<string, string>;
  /** The element id of a field, for the error summary's links. */
  idOf: (field: `gp.${keyof Omit<GpForm, 'mode'>}`) => string;
};

/** The citizen's GP clinic: a known clinic (found by name, ydernummer or SOR code) or a new one. */
export function GpClinicFields({ value, onChange, errors, idOf }: GpClinicFieldsProps) {
  const { t } = useTranslation('referrals');
  const clinics = useQuery({ queryKey: ['organisations', 'gp_clinic'], queryFn: () => fetchOrganisations('gp_clinic'), staleTime: 300_000 });
  const set = <K extends keyof GpForm>(key: K, v: GpForm[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="md">
      <Radio.Group value={value.mode} onChange={(v) => set('mode', v)} aria-label={t('gp.title')}>
        <Stack gap="xs">
          <Radio value="known" label={t('gp.modeKnown')} />
          <Radio value="new" label={t('gp.modeNew')} />
          <Radio value="none" label={t('gp.modeNone')} />
        </Stack>
      </Radio.Group>
      {value.mode === 'known' ? (
        <Select
          id={idOf('gp.organisationId')}
          label={t('gp.clinic')}
          description={t('gp.clinicHint')}
          placeholder={t('gp.clinicPlaceholder')}
          searchable
          required
          nothingFoundMessage={t('gp.nothingFound')}
          data={(clinics.data ?? []).map((c) => ({ value: c.id, label: [gpClinicLabel(c), c.address].filter(Boolean).join(' · ') }))}
          value={value.organisationId || null}
          onChange={(v) => set('organisationId', v ?? '')}
          error={errors['gp.organisationId']}
        />
      ) : null}
      {value.mode === 'new' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput id={idOf('gp.name')} label={t('gp.name')} required value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors['gp.name']} />
          <TextInput id={idOf('gp.ydernummer')} label={t('gp.ydernummer')} description={t('gp.ydernummerHint')} inputMode="numeric" maxLength={6} value={value.ydernummer} onChange={(e) => set('ydernummer', e.currentTarget.value)} error={errors['gp.ydernummer']} />
          <TextInput id={idOf('gp.sorCode')} label={t('gp.sorCode')} description={t('gp.sorCodeHint')} inputMode="numeric" maxLength={18} value={value.sorCode} onChange={(e) => set('sorCode', e.currentTarget.value)} error={errors['gp.sorCode']} />
          <TextInput id={idOf('gp.phone')} label={t('gp.phone')} type="tel" value={value.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors['gp.phone']} />
          <TextInput id={idOf('gp.address')} label={t('gp.address')} value={value.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors['gp.address']} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
