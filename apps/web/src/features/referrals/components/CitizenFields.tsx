import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { CitizenLookup } from '@samkraft/contracts/referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { fieldElementId } from '../../../ui/utils/errorSummary.ts';
import { checkCpr } from '../utils/checkCpr.ts';
import { INTAKE_FORM_ID, type IntakeField } from '../utils/fieldErrors.ts';
import type { ReferralForm } from '../utils/referralForm.ts';
import { oneOf, sexes } from '@samkraft/contracts/common';

export type CitizenFieldsProps = {
  form: ReferralForm;
  set: <K extends keyof ReferralForm>(key: K, value: ReferralForm[K]) => void;
  errors: Record<string, string>;
  lookup: CitizenLookup | undefined;
  cprTouched: boolean;
  onCprBlur: () => void;
};

/** The citizen by CPR: checked as typed; a known citizen's name is shown instead of the name fields. */
export function CitizenFields({ form, set, errors, lookup, cprTouched, onCprBlur }: CitizenFieldsProps) {
  const { t } = useTranslation('referrals');
  const { language } = useLanguage();
  const fid = (field: IntakeField) => fieldElementId(INTAKE_FORM_ID, field);
  const cpr = checkCpr(form.cpr);
  const cprError = errors['citizen.cpr'] ?? (cprTouched && !cpr.ok ? t(`cpr.${cpr.code}`, { year: String(cpr.year ?? '') }) : undefined);
  const known = lookup?.known && lookup.citizen;
  const cprDescription = known
    ? t('intake.cprKnown', { name: lookup.citizen?.name ?? '' })
    : cpr.ok
      ? `${t('intake.cprNew', { birthDate: formatDate(cpr.birthDate, language) })}${cpr.centuryAssumed ? ` ${t('intake.cprAssumedCentury')}` : ''}`
      : t('intake.cprHint');
  return (
    <Fieldset legend={t('intake.citizen')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id={fid('citizen.cpr')}
          label={t('intake.cpr')}
          required
          value={form.cpr}
          onChange={(e) => set('cpr', e.currentTarget.value)}
          onBlur={onCprBlur}
          description={cprDescription}
          error={cprError}
          autoComplete="off"
          maxLength={11}
        />
        {cpr.ok && cpr.sex === null && !known ? (
          <NativeSelect
            id={fid('citizen.sex')}
            label={t('intake.sex')}
            required
            value={form.sex}
            onChange={(e) => set('sex', oneOf(['', ...sexes], e.currentTarget.value))}
            data={[{ value: '', label: '' }, { value: 'F', label: t('intake.sexF') }, { value: 'M', label: t('intake.sexM') }]}
            error={errors['citizen.sex']}
          />
        ) : (
          <div />
        )}
        {known ? null : (
          <>
            <TextInput id={fid('citizen.givenName')} label={t('intake.givenName')} required value={form.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} error={errors['citizen.givenName']} />
            <TextInput id={fid('citizen.familyName')} label={t('intake.familyName')} required value={form.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} error={errors['citizen.familyName']} />
          </>
        )}
        <TextInput id={fid('citizen.addressLine')} label={t('intake.addressLine')} value={form.addressLine} onChange={(e) => set('addressLine', e.currentTarget.value)} error={errors['citizen.addressLine']} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput id={fid('citizen.postalCode')} label={t('intake.postalCode')} value={form.postalCode} onChange={(e) => set('postalCode', e.currentTarget.value)} error={errors['citizen.postalCode']} inputMode="numeric" maxLength={4} />
          <TextInput id={fid('citizen.city')} label={t('intake.city')} value={form.city} onChange={(e) => set('city', e.currentTarget.value)} error={errors['citizen.city']} />
        </SimpleGrid>
        <TextInput id={fid('citizen.phone')} label={t('intake.phone')} type="tel" value={form.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors['citizen.phone']} />
        {errors['citizen.movedInOn'] || form.movedInOn ? (
          <TextInput id={fid('citizen.movedInOn')} type="date" label={t('intake.movedInOn')} required value={form.movedInOn} onChange={(e) => set('movedInOn', e.currentTarget.value)} description={t('intake.movedInOnHint')} error={errors['citizen.movedInOn']} />
        ) : null}
        <Checkbox mt="xl" label={t('intake.protected')} checked={form.protected} onChange={(e) => set('protected', e.currentTarget.checked)} />
      </SimpleGrid>
      {known && lookup.citizen?.protected ? (
        <Text size="sm" mt="xs">
          {t('intake.protected')}
        </Text>
      ) : null}
    </Fieldset>
  );
}
