import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { relativeRelations } from '@samkraft/contracts/relatives';
import { useTranslation } from 'react-i18next';
import type { RelativeForm } from '../utils/relativeForm.ts';

export type RelativeFieldsProps = { value: RelativeForm; onChange: (f: RelativeForm) => void; errors: Record<string, string>; idPrefix: string };

/** The relative's fields: name, relation, phone, the citizen's two consents and the dates. */
export function RelativeFields({ value, onChange, errors, idPrefix }: RelativeFieldsProps) {
  const { t } = useTranslation('relatives');
  const set = <K extends keyof RelativeForm>(k: K, v: RelativeForm[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput id={`${idPrefix}-name`} label={t('form.name')} withAsterisk maxLength={200} value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
        <NativeSelect
          id={`${idPrefix}-relation`}
          label={t('form.relation')}
          withAsterisk
          value={value.relation}
          onChange={(e) => set('relation', e.currentTarget.value as RelativeForm['relation'])}
          data={[{ value: '', label: '—' }, ...relativeRelations.map((r) => ({ value: r, label: t(`relation.${r}`) }))]}
          error={errors.relation}
        />
        <TextInput id={`${idPrefix}-phone`} label={t('form.phone')} description={t('form.phoneHint')} type="tel" value={value.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
      </SimpleGrid>
      <Checkbox id={`${idPrefix}-consentToParticipate`} label={t('form.consentToParticipate')} checked={value.consentToParticipate} onChange={(e) => set('consentToParticipate', e.currentTarget.checked)} error={errors.consentToParticipate} />
      <Checkbox id={`${idPrefix}-consentToShareWithProvider`} label={t('form.consentToShareWithProvider')} checked={value.consentToShareWithProvider} onChange={(e) => set('consentToShareWithProvider', e.currentTarget.checked)} error={errors.consentToShareWithProvider} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput id={`${idPrefix}-consentGivenOn`} type="date" label={t('form.consentGivenOn')} withAsterisk value={value.consentGivenOn} onChange={(e) => set('consentGivenOn', e.currentTarget.value)} error={errors.consentGivenOn} />
        <TextInput id={`${idPrefix}-startsOn`} type="date" label={t('form.startsOn')} withAsterisk value={value.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} />
      </SimpleGrid>
    </Stack>
  );
}
