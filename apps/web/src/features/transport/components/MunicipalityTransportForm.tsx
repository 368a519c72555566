import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { MunicipalityTransport } from '@samkraft/contracts/transport';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useSaveMunicipalityTransport } from '../hooks/useTransport.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';

export type MunicipalityTransportFormProps = { data: MunicipalityTransport; today: string };

/** Saving adds a row from the chosen date; earlier rows stay so past referrals keep their rules. */
export function MunicipalityTransportForm({ data, today }: MunicipalityTransportFormProps) {
  const { t } = useTranslation('transport');
  const { language } = useLanguage();
  const save = useSaveMunicipalityTransport(data.municipalityCode);
  const [flextur, setFlextur] = useState(data.flexturMember);
  const [serviceLevel, setServiceLevel] = useState(data.serviceLevelDa ?? '');
  const [coPayment, setCoPayment] = useState<number | string>(data.coPaymentDkk ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const errors = useFieldErrors(save.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ effectiveFrom, flexturMember: flextur, serviceLevelDa: serviceLevel.trim() || null, coPaymentDkk: coPayment === '' ? null : Number(coPayment) });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-label={t('municipalityTitle', { name: data.municipalityName })}>
        <Stack gap="md">
          <Text size="sm">{data.effectiveFrom ? t('current', { date: formatDate(data.effectiveFrom, language) }) : t('none')}</Text>
          <Checkbox label={t('flextur')} description={t('flexturHint')} checked={flextur} onChange={(e) => setFlextur(e.currentTarget.checked)} />
          <Textarea label={t('serviceLevel')} autosize minRows={2} maxLength={2000} value={serviceLevel} onChange={(e) => setServiceLevel(e.currentTarget.value)} error={errors.serviceLevelDa} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DecimalInput label={t('coPayment')} min={0} decimals={2} value={coPayment} onChange={setCoPayment} error={errors.coPaymentDkk} />
            <TextInput type="date" label={t('effectiveFrom')} required value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.currentTarget.value)} error={errors.effectiveFrom} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
            {save.isSuccess ? <Text size="sm" role="status">{t('saved')}</Text> : null}
          </Group>
          {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
